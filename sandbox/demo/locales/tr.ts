import type { DemoLocale } from './types';

/** A Turkish sales team; the system stages as docs/i18n/glossary-tr-id.md names them. */
export const TR: DemoLocale = {
  account: { name: 'Demo', country: 'TR', currency: 'TRY', currency_symbol: '₺' },
  priceScale: 1 / 2.5,
  priceStep: 100,
  groups: ['Yönetim', 'Satış ekibi 1', 'Satış ekibi 2'],
  users: [
    ['Ayşe Yılmaz', 'ayse.yilmaz'],
    ['Mehmet Kaya', 'm.kaya'],
    ['Zeynep Demir', 'z.demir'],
    ['Emre Şahin', 'e.sahin'],
    ['Elif Çelik', 'e.celik'],
    ['Burak Aydın', 'b.aydin'],
    ['Selin Arslan', 's.arslan'],
  ],
  pipelines: { main: 'Satış', repeat: 'Tekrar satışlar' },
  incoming: 'Gelen müşteri adayları',
  won: 'Kapandı – kazanıldı',
  lost: 'Kapandı – kaybedildi',
  stages: {
    main: [
      'Yeni müşteri adayı',
      'İşleme alındı',
      'Nitelikli',
      'Teklif gönderildi',
      'Fatura bilgileri alındı',
      'Sözleşme/fatura gönderildi',
      'Ödeme alındı',
    ],
    repeat: ['Yeni talep', 'Çözüm seçimi', 'Teklif gönderildi', 'Ödeme alındı'],
  },
  sideStage: 'Ulaşılamadı',
  lossReasons: [
    'Çok pahalı',
    'Rakibi seçti',
    'Bütçe yok',
    'Ulaşılamadı',
    'İhtiyaç yok',
    'Süre uymadı',
    'Spam / mükerrer',
  ],
  tags: ['web sitesi', 'sohbet', 'arama', 'tavsiye', 'fuar', 'içe aktarma', 'sadık müşteri'],
  fields: {
    product: 'Ürün',
    products: ['CRM kurulumu', 'Entegrasyon', 'Eğitim', 'Teknik destek'],
    utmSources: ['google', 'yandex', 'instagram', 'whatsapp', 'partner'],
  },
  defaultName: id => `Müşteri adayı #${id}`,
  hostileText: 'Anlaşma <b>kalın</b> & "tırnak"',
  companies: [
    'Vektör', 'Alfa Yapı', 'Kuzey Rüzgarı', 'Granit', 'Meridyen', 'Teknosfer', 'Promkaynak',
    'Güneş Şehir', 'Ege Servis', 'Doğu Lojistik', 'Orion', 'Kare', 'Yapı Yatırım', 'Beyaz Ayı',
    'Anadolu Pencere', 'Karadeniz Çelik', 'İleri', 'Lider', 'Statü', 'Everest', 'Prime', 'Delta',
    'Yeni Teknoloji', 'Sedir', 'Gökkuşağı', 'Atlas', 'Gradyan', 'Pegasus', 'Tarım Yatırım',
    'Medteknik', 'Kristal', 'Olimpos', 'Yeşil Vadi', 'İş Danışmanlık',
  ],
  people: [
    'Ahmet Öztürk', 'Fatma Koç', 'Mustafa Yıldız', 'Hatice Kurt', 'Ali Özdemir', 'Emine Şimşek',
    'Hasan Polat', 'Merve Erdoğan', 'Hüseyin Aksoy', 'Gamze Korkmaz',
  ],
  client: (r, company, person) => {
    if (r < 0.27) return `${person} (şahıs şirketi)`;
    if (r < 0.83) return `${company} Ltd. Şti.`;
    return `${company} A.Ş.`;
  },
  subjects: [
    'ekipman tedariki', '{n} kullanıcılı CRM', 'CRM kurulumu', 'yıllık bakım',
    'sarf malzemesi tedariki', 'ERP entegrasyonu', 'satış ekibi denetimi', 'satış eğitimi',
    '{n} hatlı IP telefon', 'reklam yönetimi', 'web sitesi geliştirme', 'sunucu kiralama',
    '{n} kullanıcı lisansı', 'teknik destek', 'güvenlik kamerası kurulumu', 'depo otomasyonu',
    'kurumsal portal', 'dizüstü bilgisayar, {n} adet', 'ofis donanımı', 'ERP desteği',
    'web sitesi için sohbet botu', 'Excel verilerinin aktarımı',
  ],
  repeatSubjects: [
    'lisans yenileme', '{n} ek kullanıcı', 'paket yükseltme', 'destek yenileme', 'ek modül',
    'yeni çalışan eğitimi', 'entegrasyon geliştirme',
  ],
}; // prettier-ignore
