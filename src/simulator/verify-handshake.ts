import type { Clock } from './clock';
import { sendRequest } from './http-client';
import type { IdFactory } from './message-ids';

export interface HandshakeResult {
  /** The endpoint answered 200 with the challenge byte-for-byte. */
  ok: boolean;
  challenge: string;
  status?: number;
  body?: string;
  error?: string;
  /** A second probe with a wrong token got a non-200, as Meta requires. */
  rejectsWrongToken: boolean;
}

const TIMEOUT_MS = 10_000;

async function probe(url: string, verifyToken: string, challenge: string, timeoutMs: number): Promise<{ status?: number; body?: string; error?: string }> {
  const target = new URL(url);
  target.searchParams.set('hub.mode', 'subscribe');
  target.searchParams.set('hub.challenge', challenge);
  target.searchParams.set('hub.verify_token', verifyToken);
  try {
    const result = await sendRequest({ method: 'GET', url: target.toString(), timeoutMs });
    return { status: result.status, body: result.body };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs Meta's subscription handshake (§1) against the webhook URL, then checks that a wrong token is refused. */
export async function runHandshake(webhookUrl: string, verifyToken: string, ids: IdFactory, clock: Clock): Promise<HandshakeResult> {
  const timeoutMs = Math.max(2_000, clock.scale(TIMEOUT_MS));
  const challenge = ids.challenge();
  const answer = await probe(webhookUrl, verifyToken, challenge, timeoutMs);
  const wrong = await probe(webhookUrl, `${verifyToken}-wrong`, ids.challenge(), timeoutMs);
  return {
    ok: answer.status === 200 && answer.body === challenge,
    challenge,
    ...answer,
    rejectsWrongToken: wrong.status !== undefined && wrong.status !== 200,
  };
}
