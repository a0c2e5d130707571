export { ReportPage } from './ReportPage';
export type { Props as ReportPageProps } from './ReportPage';
export { REPORT_CSS } from './report.css';
export { browserDownload } from './tools';
export type { Download } from './tools';
