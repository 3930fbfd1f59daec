// Saves CSV text as a file through a Blob link: works offline and without a server round trip.
import { csvFileText } from '../../domain/metrics/csv';

/** Starts a download of `csv` named `filename`. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csvFileText(csv)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the Blob to the download by now; revoking later would only keep memory alive.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
