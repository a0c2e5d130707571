import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CreateChart } from '../chart';
import { defaultCreateChart } from '../chart';

/** Saves a file on the user's machine; injectable so tests can capture what would be saved. */
export type Download = (fileName: string, text: string) => void;

/**
 * Saves through a temporary `<a download>` over a Blob URL. The byte-order mark makes Excel read
 * the CSV as UTF-8 (stage and deal names are mostly Cyrillic). The URL is revoked once the click
 * has handed the file to the browser.
 */
export const browserDownload: Download = (fileName, text) => {
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Firefox reads the URL after the click handler returns; revoke on the next task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
};

/** What the report's tables and charts use, replaced in tests. */
export interface ReportTools {
  readonly download: Download;
  readonly createChart: CreateChart;
  /** Start of every CSV file name, e.g. `funnel-lens-7812340`. */
  readonly filePrefix: string;
}

export const ReportToolsContext = createContext<ReportTools>({
  download: browserDownload,
  createChart: defaultCreateChart,
  filePrefix: 'funnel-lens',
});

export function useReportTools(): ReportTools {
  return useContext(ReportToolsContext);
}
