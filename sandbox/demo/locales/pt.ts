import type { DemoLocale } from './types';

/** A Brazilian sales team; Kommo's Portuguese names of the system stages (glossary-es-pt.md). */
export const PT: DemoLocale = {
  account: { name: 'Demo', country: 'BR', currency: 'BRL', currency_symbol: 'R$' },
  priceScale: 1 / 16,
  priceStep: 10,
  groups: ['Diretoria', 'Equipe de vendas 1', 'Equipe de vendas 2'],
  users: [
    ['Ana Souza', 'ana.souza'],
    ['Rafael Oliveira', 'r.oliveira'],
    ['Juliana Santos', 'j.santos'],
    ['Bruno Pereira', 'b.pereira'],
    ['Camila Almeida', 'c.almeida'],
    ['Lucas Ferreira', 'l.ferreira'],
    ['Mariana Costa', 'm.costa'],
  ],
  pipelines: { main: 'Vendas', repeat: 'Vendas recorrentes' },
  incoming: 'Leads de entrada',
  won: 'Venda ganha',
  lost: 'Venda perdida',
  stages: {
    main: [
      'Novo lead',
      'Em atendimento',
      'Qualificado',
      'Proposta enviada',
      'Dados de faturamento recebidos',
      'Contrato/fatura enviado',
      'Pagamento recebido',
    ],
    repeat: ['Nova solicitação', 'Escolha da solução', 'Proposta enviada', 'Pagamento recebido'],
  },
  sideStage: 'Sem contato',
  lossReasons: [
    'Caro demais',
    'Escolheu um concorrente',
    'Sem orçamento',
    'Não atendeu',
    'Sem necessidade',
    'Prazo não atendeu',
    'Spam / duplicado',
  ],
  tags: ['site', 'chat', 'ligação', 'indicação', 'feira', 'importação', 'cliente fiel'],
  fields: {
    product: 'Produto',
    products: ['Implantação de CRM', 'Integração', 'Treinamento', 'Suporte técnico'],
    utmSources: ['google', 'youtube', 'facebook', 'whatsapp', 'parceiro'],
  },
  defaultName: id => `Lead #${id}`,
  hostileText: 'Lead <b>negrito</b> & "aspas"',
  companies: [
    'Vetor', 'Alfa Construções', 'Vento Norte', 'Granito', 'Meridiano', 'Tecnosfera',
    'Recursos Industriais', 'Cidade do Sol', 'Logística Paulista', 'Órion', 'Quadrante',
    'Investimentos Serra', 'Janelas do Sul', 'Aço Minas', 'Avante', 'Líder', 'Everest', 'Prime',
    'Delta', 'Novas Tecnologias', 'Cedro', 'Arco-Íris', 'Atlântico', 'Gradiente', 'Pégaso',
    'Agroinvest', 'MedTec', 'Cristal', 'Olimpo', 'Vale Verde', 'Consultoria Empresarial',
  ],
  people: [
    'João Silva', 'Fernanda Lima', 'Pedro Rodrigues', 'Patrícia Gomes', 'Marcos Ribeiro',
    'Aline Carvalho', 'Rodrigo Martins', 'Beatriz Rocha', 'Thiago Barbosa', 'Larissa Dias',
  ],
  client: (r, company, person) => {
    if (r < 0.27) return `${person} MEI`;
    if (r < 0.83) return `${company} Ltda.`;
    return r < 0.96 ? `${company} Eireli` : `${company} S.A.`;
  },
  subjects: [
    'fornecimento de equipamentos', 'CRM para {n} usuários', 'implantação de CRM',
    'manutenção anual', 'fornecimento de suprimentos', 'integração com ERP',
    'auditoria comercial', 'treinamento de vendedores', 'telefonia IP com {n} linhas',
    'gestão de anúncios', 'desenvolvimento de site', 'locação de servidores',
    'licenças para {n} usuários', 'suporte técnico', 'instalação de CFTV',
    'automação de estoque', 'portal corporativo', 'notebooks, {n} un.', 'montagem de escritório',
    'suporte ao ERP', 'chatbot para o site', 'migração de dados do Excel',
  ],
  repeatSubjects: [
    'renovação de licenças', 'mais {n} usuários', 'upgrade de plano', 'renovação do suporte',
    'módulo adicional', 'treinamento de novos funcionários', 'ajustes na integração',
  ],
}; // prettier-ignore
