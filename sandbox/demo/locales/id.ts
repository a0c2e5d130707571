import type { DemoLocale } from './types';

/** An Indonesian sales team; the system stages as docs/i18n/glossary-tr-id.md names them. */
export const ID: DemoLocale = {
  account: { name: 'Demo', country: 'ID', currency: 'IDR', currency_symbol: 'Rp' },
  priceScale: 180,
  priceStep: 100_000,
  groups: ['Manajemen', 'Tim penjualan 1', 'Tim penjualan 2'],
  users: [
    ['Siti Rahmawati', 'siti.rahmawati'],
    ['Budi Santoso', 'b.santoso'],
    ['Dewi Lestari', 'd.lestari'],
    ['Agus Setiawan', 'a.setiawan'],
    ['Rina Wulandari', 'r.wulandari'],
    ['Andi Pratama', 'a.pratama'],
    ['Putri Maharani', 'p.maharani'],
  ],
  pipelines: { main: 'Penjualan', repeat: 'Penjualan ulang' },
  incoming: 'Lead masuk',
  won: 'Ditutup – berhasil',
  lost: 'Ditutup – gagal',
  stages: {
    main: [
      'Lead baru',
      'Sedang diproses',
      'Terkualifikasi',
      'Penawaran terkirim',
      'Data penagihan diterima',
      'Kontrak/faktur terkirim',
      'Pembayaran diterima',
    ],
    repeat: ['Permintaan baru', 'Pemilihan solusi', 'Penawaran terkirim', 'Pembayaran diterima'],
  },
  sideStage: 'Tidak terhubung',
  lossReasons: [
    'Terlalu mahal',
    'Memilih pesaing',
    'Tidak ada anggaran',
    'Tidak bisa dihubungi',
    'Tidak butuh',
    'Waktu tidak cocok',
    'Spam / duplikat',
  ],
  tags: ['situs web', 'chat', 'telepon', 'rekomendasi', 'pameran', 'impor', 'pelanggan tetap'],
  fields: {
    product: 'Produk',
    products: ['Implementasi CRM', 'Integrasi', 'Pelatihan', 'Dukungan teknis'],
    utmSources: ['google', 'youtube', 'facebook', 'whatsapp', 'partner'],
  },
  defaultName: id => `Lead #${id}`,
  hostileText: 'Deal <b>tebal</b> & "kutip"',
  companies: [
    'Vektor Nusantara', 'Alfa Bangun', 'Angin Utara', 'Granit Jaya', 'Meridian', 'Teknosfer',
    'Sumber Daya Industri', 'Kota Surya', 'Bahari Servis', 'Logistik Timur', 'Orion', 'Kuadrat',
    'Investama', 'Jendela Borneo', 'Baja Cilegon', 'Maju Bersama', 'Pemimpin', 'Everest',
    'Prima', 'Delta', 'Teknologi Baru', 'Cendana', 'Pelangi', 'Atlas', 'Gradien', 'Pegasus',
    'Agro Investama', 'Medika Teknik', 'Kristal', 'Olimpus', 'Lembah Hijau', 'Konsultan Bisnis',
  ],
  people: [
    'Bambang Wijaya', 'Sri Wahyuni', 'Joko Susilo', 'Ani Kurniawati', 'Hendra Gunawan',
    'Nur Hidayah', 'Rudi Hartono', 'Yuni Astuti', 'Eko Prasetyo', 'Fitri Handayani',
  ],
  client: (r, company, person) => {
    if (r < 0.27) return `UD ${person}`;
    if (r < 0.83) return `PT ${company}`;
    return r < 0.96 ? `CV ${company}` : `PT ${company} Tbk`;
  },
  subjects: [
    'pengadaan peralatan', 'CRM untuk {n} pengguna', 'implementasi CRM', 'pemeliharaan tahunan',
    'pengadaan bahan habis pakai', 'integrasi dengan ERP', 'audit tim penjualan',
    'pelatihan tenaga penjualan', 'telepon IP {n} saluran', 'pengelolaan iklan',
    'pembuatan situs web', 'sewa server', 'lisensi {n} pengguna', 'dukungan teknis',
    'pemasangan CCTV', 'otomasi gudang', 'portal perusahaan', 'laptop, {n} unit',
    'perlengkapan kantor', 'dukungan ERP', 'chatbot untuk situs', 'migrasi data dari Excel',
  ],
  repeatSubjects: [
    'perpanjangan lisensi', 'tambahan {n} pengguna', 'upgrade paket', 'perpanjangan dukungan',
    'modul tambahan', 'pelatihan karyawan baru', 'pengembangan integrasi',
  ],
}; // prettier-ignore
