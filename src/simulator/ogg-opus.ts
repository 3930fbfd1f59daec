// Ogg Opus files written from code (RFC 7845 framing, RFC 3533 pages), so the simulator's voice notes are real,
// decodable audio without ffmpeg or a sample file: OpusHead and OpusTags pages, then pages of 20 ms Opus packets.

/** Samples per second in Opus's granule positions, whatever the input rate was. */
const GRANULE_RATE = 48_000;
/** A 20 ms frame at 48 kHz. */
const FRAME_SAMPLES = 960;
/** What an encoder's look-ahead usually is; decoders drop these samples from the start. */
const PRE_SKIP = 312;
/** One page per second of audio: 50 packets, well under Ogg's 255 segments a page. */
const PACKETS_PER_PAGE = 50;
/**
 * TOC 0xF8 (config 31: CELT-only, fullband, 20 ms; mono; one frame) and a CELT frame whose range coder decodes
 * the "silence" flag: every decoder plays it as 20 ms of digital silence.
 */
const CELT_SILENCE = Uint8Array.of(0xf8, 0xff, 0xfe);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
    table[byte] = crc >>> 0;
  }
  return table;
})();

/** Ogg's page checksum: CRC-32 with polynomial 0x04C11DB7, MSB first, initial value 0 and no final XOR. */
export function oggCrc32(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

const FLAG_FIRST = 0x02;
const FLAG_LAST = 0x04;

/** One Ogg page holding whole packets (each under 255 bytes, so one lacing value each). */
function oggPage(packets: Uint8Array[], flags: number, granule: bigint, serial: number, sequence: number): Buffer {
  const body = Buffer.concat(packets);
  const page = Buffer.alloc(27 + packets.length + body.length);
  page.write('OggS', 0, 'latin1');
  page[4] = 0; // stream structure version
  page[5] = flags;
  page.writeBigInt64LE(granule, 6);
  page.writeUInt32LE(serial, 14);
  page.writeUInt32LE(sequence, 18);
  // bytes 22–25 (the checksum) stay 0 while it is computed over the whole page
  page[26] = packets.length;
  packets.forEach((packet, i) => {
    if (packet.length >= 255) throw new Error('a packet of 255 bytes or more needs more lacing values');
    page[27 + i] = packet.length;
  });
  body.copy(page, 27 + packets.length);
  page.writeUInt32LE(oggCrc32(page), 22);
  return page;
}

function opusHead(): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head[8] = 1; // version
  head[9] = 1; // channels
  head.writeUInt16LE(PRE_SKIP, 10);
  head.writeUInt32LE(GRANULE_RATE, 12); // the input's rate, informational
  head.writeInt16LE(0, 16); // output gain
  head[18] = 0; // channel mapping family 0: mono or stereo, no table
  return head;
}

function opusTags(vendor: string): Buffer {
  const name = Buffer.from(vendor, 'utf8');
  const tags = Buffer.alloc(8 + 4 + name.length + 4);
  tags.write('OpusTags', 0, 'latin1');
  tags.writeUInt32LE(name.length, 8);
  name.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + name.length); // no user comments
  return tags;
}

export interface OggOpusOptions {
  /** Length of the audio, rounded to 20 ms frames (at least one). */
  seconds: number;
  /** The logical stream's serial number. */
  serial?: number;
  vendor?: string;
}

/** A mono Ogg Opus file of `seconds` of silence, as WhatsApp's voice notes are encoded (audio/ogg; codecs=opus). */
export function oggOpusSilence({ seconds, serial = 0x50434b44, vendor = 'pocketdesk-simulator' }: OggOpusOptions): Buffer {
  const frames = Math.max(1, Math.round((seconds * GRANULE_RATE) / FRAME_SAMPLES));
  const pages = [oggPage([opusHead()], FLAG_FIRST, 0n, serial, 0), oggPage([opusTags(vendor)], 0, 0n, serial, 1)];
  for (let first = 0; first < frames; first += PACKETS_PER_PAGE) {
    const count = Math.min(PACKETS_PER_PAGE, frames - first);
    const last = first + count === frames;
    // A page's granule position counts every sample decoded by its end, the pre-skip included.
    const granule = BigInt(PRE_SKIP + (first + count) * FRAME_SAMPLES);
    const packets = Array.from({ length: count }, () => CELT_SILENCE);
    pages.push(oggPage(packets, last ? FLAG_LAST : 0, granule, serial, pages.length));
  }
  return Buffer.concat(pages);
}
