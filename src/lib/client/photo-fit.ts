// Phone cameras can take photos larger than WhatsApp's 5 MB image limit, or in formats it refuses (HEIC, WebP).
// Such a photo is redrawn as a JPEG that fits rather than turned away.

/** Longest side of a re-encoded photo: sharper than WhatsApp shows it, far under 5 MB as a JPEG. */
const STEPS = [
  { side: 2560, quality: 0.85 },
  { side: 1920, quality: 0.8 },
  { side: 1280, quality: 0.75 },
];

function jpegName(name: string): string {
  const base = name.replace(/\.[^.]*$/, '') || 'photo';
  return `${base}.jpg`;
}

async function encode(bitmap: ImageBitmap, side: number, quality: number): Promise<Blob | null> {
  const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/**
 * A JPEG copy of `file` no larger than `maxBytes`, or null when the browser cannot decode it (not an image,
 * or a format it lacks) or no step gets it small enough.
 */
export async function fitPhoto(file: File, maxBytes: number): Promise<File | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  try {
    for (const { side, quality } of STEPS) {
      const blob = await encode(bitmap, side, quality);
      if (blob && blob.size > 0 && blob.size <= maxBytes) return new File([blob], jpegName(file.name), { type: 'image/jpeg', lastModified: file.lastModified });
    }
    return null;
  } finally {
    bitmap.close();
  }
}
