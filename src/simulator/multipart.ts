// A minimal multipart/form-data reader for media uploads (Node has no built-in one for server requests).

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

function readBoundary(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return (match?.[1] ?? match?.[2])?.trim();
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function readParam(header: string, name: string): string | undefined {
  return new RegExp(`(?:^|;)\\s*${name}="([^"]*)"`, 'i').exec(header)?.[1] ?? new RegExp(`(?:^|;)\\s*${name}=([^;]+)`, 'i').exec(header)?.[1]?.trim();
}

/** Splits a multipart body into parts; undefined when the content type or framing is not multipart. */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] | undefined {
  if (!/^multipart\/form-data/i.test(contentType)) return undefined;
  const boundary = readBoundary(contentType);
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) return undefined;
  while (start >= 0) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next < 0) return undefined;
    // Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
    const part = body.subarray(afterDelimiter + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) return undefined;
    const headers = parseHeaders(part.subarray(0, headerEnd).toString('utf8'));
    const disposition = headers.get('content-disposition') ?? '';
    const name = readParam(disposition, 'name');
    if (name !== undefined) {
      const filename = readParam(disposition, 'filename');
      const partType = headers.get('content-type');
      parts.push({ name, ...(filename !== undefined ? { filename } : {}), ...(partType ? { contentType: partType } : {}), data: part.subarray(headerEnd + 4) });
    }
    start = next;
  }
  return parts;
}
