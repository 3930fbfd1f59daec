// How big a picked file is, in the agent's language: "850 KB", "4.2 MB" ("4,2 MB" in Spanish).
const KB = 1024;
const MB = 1024 * KB;

export function formatSize(bytes: number, lang: string): string {
  if (bytes < MB) return `${new Intl.NumberFormat(lang).format(Math.max(1, Math.round(bytes / KB)))} KB`;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(bytes / MB)} MB`;
}
