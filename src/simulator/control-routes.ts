import type * as z from 'zod/mini';
import { failNextSchema, knobsPatchSchema, replayRequestSchema, verifyRequestSchema } from '../lib/schemas/simulator';
import { businessEventPayload, type BusinessEvent } from './business-events';
import { BUSINESS_PLAYS, playBusiness } from './business-player';
import { json, type Reply } from './http-io';
import { injectInbound } from './inject-inbound';
import { applyKnobs } from './knobs';
import { replayPayload } from './replay';
import { InvalidRequestError, listIssues } from './request-issues';
import { findChannel, resetContext, type SimulatorContext } from './simulator-context';
import { snapshotState } from './state-snapshot';
import { runHandshake } from './verify-handshake';

// The /_sim/* routes tests and people use to drive the simulator. Errors use kebab-case reasons, not Graph shapes.

function invalid(error: InvalidRequestError): Reply {
  return json(400, { error: { reason: error.reason, message: error.message, issues: error.issues } });
}

function parseWith<S extends z.ZodMiniType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new InvalidRequestError('invalid-request', 'request body does not match the route', listIssues(parsed.error));
  return parsed.data;
}

function isReplayWrapper(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'payload' in body;
}

async function route(context: SimulatorContext, method: string, path: string, query: URLSearchParams, body: unknown): Promise<Reply> {
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET /_sim/state':
      return json(200, snapshotState(context, query.get('webhooks') !== '0'));
    case 'POST /_sim/inbound':
      return json(200, await injectInbound(context, (body ?? {}) as Parameters<typeof injectInbound>[1]));
    case 'POST /_sim/replay': {
      const request = isReplayWrapper(body) ? parseWith(replayRequestSchema, body) : { payload: body };
      if (request.payload === undefined) throw new InvalidRequestError('invalid-request', 'payload: required');
      return json(200, await replayPayload(context, request.payload, request.wait === true));
    }
    case 'POST /_sim/business': {
      // Issue #19: the owner's phone (echoes), history, template reviews, opt-outs, ad clicks, edits, calls.
      const request = (body ?? {}) as BusinessEvent & { phoneNumberId?: string };
      const channel = findChannel(context, request.phoneNumberId);
      if (!channel || typeof request.kind !== 'string') throw new InvalidRequestError('invalid-request', 'kind and a known phoneNumberId are required');
      return json(200, await replayPayload(context, businessEventPayload(channel, request, context.ids, Math.floor(context.clock.now() / 1000))));
    }
    case 'POST /_sim/business/play': {
      // The phone page's buttons: one of the demo's business-side events, now, with a customer picked for it.
      const play = BUSINESS_PLAYS.find((p) => p === (body as { play?: unknown } | undefined)?.play);
      if (!play) throw new InvalidRequestError('invalid-request', `play must be one of ${BUSINESS_PLAYS.join(', ')}`);
      const result = await playBusiness(context, play, context.business);
      if (!result.played) return json(409, { error: { reason: 'no-customer-yet', message: 'no customer has written yet to play this with' } });
      return json(200, result);
    }
    case 'POST /_sim/fail-next': {
      const spec = parseWith(failNextSchema, body);
      return json(200, { queued: context.failures.add(spec) });
    }
    case 'POST /_sim/verify': {
      const request = parseWith(verifyRequestSchema, body);
      context.lastHandshake = await runHandshake(
        request.webhookUrl ?? context.config.webhookUrl,
        request.verifyToken ?? context.config.verifyToken,
        context.ids,
        context.clock,
      );
      return json(200, context.lastHandshake);
    }
    case 'POST /_sim/reset':
      resetContext(context);
      return json(200, { ok: true });
    case 'GET /_sim/knobs':
      return json(200, context.knobs);
    case 'POST /_sim/knobs':
      context.knobs = applyKnobs(context.knobs, parseWith(knobsPatchSchema, body));
      return json(200, context.knobs);
    case 'POST /_sim/media/expire-urls':
      context.media.expireUrls();
      return json(200, { ok: true });
    default:
      return json(404, { error: { reason: 'unknown-route', message: `${method} ${path} is not a simulator route` } });
  }
}

/** Dispatches one control request; `body` is the parsed JSON (undefined when empty). */
export async function handleControl(context: SimulatorContext, method: string, path: string, query: URLSearchParams, body: unknown): Promise<Reply> {
  if (body instanceof SyntaxError) return json(400, { error: { reason: 'invalid-json', message: body.message } });
  try {
    return await route(context, method, path, query, body);
  } catch (error) {
    if (error instanceof InvalidRequestError) return invalid(error);
    throw error;
  }
}
