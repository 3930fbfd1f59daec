import { json, type Reply } from './http-io';
import type { IdFactory } from './message-ids';

// Graph API errors as Meta returns them: a sync envelope (`{error:{…}}`) or an async object inside statuses/values.
// Clients must branch on `code`, so titles here only need to look plausible; codes and HTTP statuses follow §4.5.

export interface GraphFailure {
  code: number;
  httpStatus: number;
  title: string;
  details: string;
}

interface CatalogEntry {
  httpStatus: number;
  title: string;
  details: string;
}

const CATALOG: Record<number, CatalogEntry> = {
  0: { httpStatus: 401, title: 'AuthException', details: 'Unable to authenticate the app user.' },
  1: { httpStatus: 400, title: 'API Unknown', details: 'Invalid request or possible server error.' },
  2: { httpStatus: 503, title: 'API Service', details: 'Temporary due to downtime or due to being overloaded.' },
  4: { httpStatus: 429, title: 'API Too Many Calls', details: 'The app has reached its API call rate limit.' },
  10: { httpStatus: 403, title: 'API Permission Denied', details: 'Permission is either not granted or has been removed.' },
  100: { httpStatus: 400, title: 'Invalid parameter', details: 'The request included invalid or unsupported parameters.' },
  190: { httpStatus: 401, title: 'Invalid OAuth access token - Cannot parse access token', details: 'The access token is missing, invalid or expired.' },
  368: { httpStatus: 403, title: 'Temporarily blocked for policies violations', details: 'The WhatsApp Business Account is restricted.' },
  80007: { httpStatus: 429, title: 'Rate limit issues', details: 'The WhatsApp Business Account has reached its rate limit.' },
  130429: { httpStatus: 429, title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  130472: { httpStatus: 400, title: "User's number is part of an experiment", details: 'Failed to send message because this user is part of an experiment.' },
  131000: { httpStatus: 500, title: 'Something went wrong', details: 'Message failed to send due to an unknown error.' },
  131008: { httpStatus: 400, title: 'Required parameter is missing', details: 'The request is missing a required parameter.' },
  131009: { httpStatus: 400, title: 'Parameter value is not valid', details: 'One or more parameter values are invalid.' },
  131016: { httpStatus: 503, title: 'Service unavailable', details: 'A service is temporarily unavailable.' },
  131021: { httpStatus: 400, title: 'Recipient cannot be sender', details: 'Sender and recipient phone number is the same.' },
  131026: { httpStatus: 400, title: 'Message undeliverable', details: 'Unable to deliver message.' },
  131031: { httpStatus: 403, title: 'Account has been locked', details: 'The WhatsApp Business Account is locked.' },
  131042: { httpStatus: 400, title: 'Business eligibility payment issue', details: 'There was an error related to your payment method.' },
  131045: { httpStatus: 400, title: 'Incorrect certificate', details: 'Message failed to send due to a phone number registration error.' },
  131047: {
    httpStatus: 400,
    title: 'Re-engagement message',
    details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131048: {
    httpStatus: 400,
    title: 'Spam rate limit hit',
    details: 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.',
  },
  131049: { httpStatus: 400, title: 'Meta chose not to deliver', details: 'This message was not delivered to maintain healthy ecosystem engagement.' },
  131050: { httpStatus: 400, title: 'User has stopped marketing messages', details: 'The user has chosen to stop receiving marketing messages.' },
  131051: { httpStatus: 400, title: 'Unsupported message type', details: 'Message type is currently not supported.' },
  131052: { httpStatus: 400, title: 'Media download error', details: 'Unable to download the media sent by the user.' },
  131053: { httpStatus: 400, title: 'Media upload error', details: 'Unable to upload the media used in the message.' },
  131056: {
    httpStatus: 400,
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
  },
  131057: { httpStatus: 503, title: 'Account in maintenance mode', details: 'Business Account is in maintenance mode.' },
  131062: {
    httpStatus: 400,
    title: 'BSUID recipients are not supported for this message',
    details: 'This message cannot be sent to a business-scoped user id.',
  },
  132000: {
    httpStatus: 400,
    title: 'Number of parameters does not match the expected number of params',
    details: 'The number of parameters does not match the template.',
  },
  132001: {
    httpStatus: 404,
    title: 'Template name does not exist in the translation',
    details: 'The template does not exist in the specified language or is not approved.',
  },
  132005: { httpStatus: 400, title: 'Translated text too long', details: 'Translated text is too long.' },
  132007: { httpStatus: 400, title: 'Template Format Character Policy Violated', details: 'Template content violates a WhatsApp policy.' },
  132012: {
    httpStatus: 400,
    title: 'Parameter format does not match format in the created template',
    details: 'Variable parameter values formatted incorrectly.',
  },
  132015: { httpStatus: 400, title: 'Template is Paused', details: 'Template is paused due to low quality.' },
  132016: { httpStatus: 400, title: 'Template is Disabled', details: 'Template has been disabled due to low quality.' },
  133004: { httpStatus: 503, title: 'Server temporarily unavailable', details: 'Server is temporarily unavailable.' },
  133010: { httpStatus: 400, title: 'Phone number not registered', details: 'The phone number is not registered on the WhatsApp Business Platform.' },
};

const HREF = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

/** Looks a code up in the catalogue; unknown codes (from fail-next) still produce a well-formed error. */
export function describeGraphError(code: number, details?: string, httpStatus?: number): GraphFailure {
  const entry = CATALOG[code] ?? { httpStatus: 400, title: 'Simulated error', details: `Simulated error ${code}.` };
  return { code, httpStatus: httpStatus ?? entry.httpStatus, title: entry.title, details: details ?? entry.details };
}

/** Body of a failed Graph call. Auth errors carry no `error_data`, like Meta's. */
export function buildGraphErrorBody(failure: GraphFailure, fbtraceId: string): Record<string, unknown> {
  const isAuth = failure.code === 190 || failure.code === 0;
  return {
    error: {
      message: isAuth ? failure.title : `(#${failure.code}) ${failure.title}`,
      type: 'OAuthException',
      code: failure.code,
      ...(isAuth ? {} : { error_data: { messaging_product: 'whatsapp', details: failure.details } }),
      fbtrace_id: fbtraceId,
    },
  };
}

/** The error object inside `statuses[].errors[]` and `value.errors[]`. */
export function buildWebhookError(failure: GraphFailure): Record<string, unknown> {
  return { code: failure.code, title: failure.title, message: failure.title, error_data: { details: failure.details }, href: HREF };
}

/** A complete Graph error reply with a fresh `fbtrace_id`. */
export function replyWithGraphError(ids: IdFactory, code: number, details?: string, httpStatus?: number): Reply {
  const failure = describeGraphError(code, details, httpStatus);
  return json(failure.httpStatus, buildGraphErrorBody(failure, ids.fbtraceId()));
}

/** Graph's wording for an id it cannot load (a wrong phone_number_id or media id). */
export function describeUnknownObject(id: string, method: string): string {
  return `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`;
}
