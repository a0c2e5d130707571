import type { DemoLocale } from './types';

/** A Mexican sales team; Kommo's Spanish names of the system stages (docs/i18n/glossary-es-pt.md). */
export const ES: DemoLocale = {
  account: { name: 'Demo', country: 'MX', currency: 'MXN', currency_symbol: '$' },
  priceScale: 1 / 5,
  priceStep: 100,
  groups: ['Dirección', 'Equipo de ventas 1', 'Equipo de ventas 2'],
  users: [
    ['Ana Sofía Ramírez', 'ana.ramirez'],
    ['Diego Hernández', 'd.hernandez'],
    ['Valeria Gómez', 'v.gomez'],
    ['Carlos Martínez', 'c.martinez'],
    ['Lucía Torres', 'l.torres'],
    ['Javier López', 'j.lopez'],
    ['María Fernanda Cruz', 'm.cruz'],
  ],
  pipelines: { main: 'Ventas', repeat: 'Ventas recurrentes' },
  incoming: 'Leads entrantes',
  won: 'Logrado con éxito',
  lost: 'Venta Perdido',
  stages: {
    main: [
      'Nuevo lead',
      'En atención',
      'Calificado',
      'Propuesta enviada',
      'Datos fiscales recibidos',
      'Contrato/factura enviado',
      'Pago recibido',
    ],
    repeat: ['Nueva solicitud', 'Selección de solución', 'Propuesta enviada', 'Pago recibido'],
  },
  sideStage: 'Sin respuesta',
  lossReasons: [
    'Muy caro',
    'Eligió a la competencia',
    'Sin presupuesto',
    'No contestó',
    'Sin necesidad',
    'No le convinieron los plazos',
    'Spam / duplicado',
  ],
  tags: ['sitio web', 'chat', 'llamada', 'recomendación', 'expo', 'importación', 'cliente frecuente'],
  fields: {
    product: 'Producto',
    products: ['Implementación de CRM', 'Integración', 'Capacitación', 'Soporte técnico'],
    utmSources: ['google', 'youtube', 'facebook', 'whatsapp', 'partner'],
  },
  defaultName: id => `Lead #${id}`,
  hostileText: 'Lead <b>negrita</b> & "comillas"',
  companies: [
    'Grupo Altavista', 'Constructora del Norte', 'Vector', 'Granito', 'Meridiano', 'Tecnosfera',
    'Recursos Industriales', 'Ciudad del Sol', 'Logística del Bajío', 'Orión', 'Cuadrante',
    'Inversiones Sierra', 'Ventanas del Pacífico', 'Aceros de Monterrey', 'Avanza', 'Líder',
    'Everest', 'Prima', 'Delta', 'Nuevas Tecnologías', 'Cedro', 'Arcoíris', 'Atlante',
    'Gradiente', 'Pegaso', 'Agroinversiones', 'Equipo Médico Azteca', 'Cristal', 'Olimpo',
    'Valle Verde', 'Consultoría Empresarial', 'Terminal Veracruz',
  ],
  people: [
    'José García', 'Laura Sánchez', 'Miguel Flores', 'Patricia Rivera', 'Luis Morales',
    'Gabriela Ortiz', 'Jorge Castillo', 'Adriana Reyes', 'Ricardo Vargas', 'Mónica Jiménez',
  ],
  client: (r, company, person) => {
    if (r < 0.27) return person;
    if (r < 0.83) return `${company} S.A. de C.V.`;
    return r < 0.96 ? `${company} S. de R.L.` : `${company} S.A.B.`;
  },
  subjects: [
    'suministro de equipo', 'CRM para {n} usuarios', 'implementación de CRM',
    'mantenimiento anual', 'suministro de consumibles', 'integración con ERP',
    'auditoría del área de ventas', 'capacitación de vendedores', 'telefonía IP de {n} líneas',
    'campaña de publicidad', 'desarrollo de sitio web', 'renta de servidores',
    'licencias para {n} usuarios', 'soporte técnico', 'instalación de CCTV',
    'automatización de almacén', 'portal corporativo', 'laptops, {n} pzas.',
    'equipamiento de oficina', 'soporte de ERP', 'chatbot para el sitio',
    'migración de datos desde Excel',
  ],
  repeatSubjects: [
    'renovación de licencias', '{n} usuarios adicionales', 'ampliación del plan',
    'renovación de soporte', 'módulo adicional', 'capacitación de personal nuevo',
    'mejoras a la integración',
  ],
}; // prettier-ignore
