import { describe, expect, it } from 'vitest';
import { oggCrc32, oggOpusSilence } from './ogg-opus';

interface Page {
  flags: number;
  granule: bigint;
  sequence: number;
  checksum: number;
  packets: Buffer[];
  bytes: Buffer;
}

/** Reads a file back page by page, the way a demuxer does. */
function pagesOf(file: Buffer): Page[] {
  const pages: Page[] = [];
  let at = 0;
  while (at < file.length) {
    expect(file.toString('latin1', at, at + 4)).toBe('OggS');
    const segments = file[at + 26]!;
    const lacing = [...file.subarray(at + 27, at + 27 + segments)];
    let offset = at + 27 + segments;
    const packets = lacing.map((size) => file.subarray(offset, (offset += size)));
    pages.push({
      flags: file[at + 5]!,
      granule: file.readBigInt64LE(at + 6),
      sequence: file.readUInt32LE(at + 18),
      checksum: file.readUInt32LE(at + 22),
      packets,
      bytes: file.subarray(at, offset),
    });
    at = offset;
  }
  return pages;
}

describe('Ogg Opus voice notes written from code', () => {
  it('computes Ogg’s CRC-32 (polynomial 0x04C11DB7, no reflection, no final XOR)', () => {
    // The catalogue's check value of CRC-32/CKSUM (same polynomial and start) is 0x765E7680 after its final XOR.
    expect(oggCrc32(Buffer.from('123456789'))).toBe(~0x765e7680 >>> 0);
    expect(oggCrc32(new Uint8Array())).toBe(0);
  });

  it('starts with the OpusHead page, then OpusTags, then audio pages in sequence, the last one ending the stream', () => {
    const pages = pagesOf(oggOpusSilence({ seconds: 3 }));
    expect(pages.map((p) => p.sequence)).toEqual([0, 1, 2, 3, 4]);
    expect(pages.map((p) => p.flags)).toEqual([0x02, 0, 0, 0, 0x04]);
    const head = pages[0]!.packets[0]!;
    expect(head.toString('latin1', 0, 8)).toBe('OpusHead');
    expect({ version: head[8], channels: head[9], preSkip: head.readUInt16LE(10), rate: head.readUInt32LE(12), family: head[18] }).toEqual({
      version: 1,
      channels: 1,
      preSkip: 312,
      rate: 48_000,
      family: 0,
    });
    expect(pages[1]!.packets[0]!.toString('latin1', 0, 8)).toBe('OpusTags');
  });

  it('gives every page a checksum over its own bytes', () => {
    for (const page of pagesOf(oggOpusSilence({ seconds: 2.5 }))) {
      const zeroed = Buffer.from(page.bytes);
      zeroed.writeUInt32LE(0, 22);
      expect(page.checksum).toBe(oggCrc32(zeroed));
    }
  });

  it.each([
    [1, 50],
    [3, 150],
    [2.5, 125],
    [0.001, 1],
  ])('holds %s s as %i packets of 20 ms, the granule position counting them after the pre-skip', (seconds, frames) => {
    const pages = pagesOf(oggOpusSilence({ seconds })).slice(2);
    const packets = pages.flatMap((p) => p.packets);
    expect(packets).toHaveLength(frames);
    // TOC: CELT-only fullband 20 ms (config 31), mono, one frame per packet.
    for (const packet of packets) expect(packet[0]).toBe(0xf8);
    expect(pages.at(-1)!.granule).toBe(BigInt(312 + frames * 960));
    // Granule positions only grow, page after page.
    const granules = pages.map((p) => p.granule);
    expect([...granules].sort((a, b) => (a < b ? -1 : 1))).toEqual(granules);
  });
});
