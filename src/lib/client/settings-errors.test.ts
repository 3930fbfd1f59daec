import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorsFromIssues, errorsFromServer, failureOf, onListInputs, unplacedErrors } from './settings-errors';

describe('errorsFromServer', () => {
  it('keys errors inside the edited JSON field and spells PocketBase codes like the app does', () => {
    const data = {
      'routing.rules.0.pattern': { code: 'nested-quantifier', message: 'm' },
      routing: { code: 'x', message: 'whole' },
      name: { code: 'validation_not_unique', message: 'n' },
    };
    expect(errorsFromServer(data, 'routing')).toEqual({
      'rules.0.pattern': { code: 'nested-quantifier', message: 'm' },
      form: { code: 'x', message: 'whole' },
      name: { code: 'not-unique', message: 'n' },
    });
  });

  it('reads nothing out of an answer without field errors', () => {
    expect(errorsFromServer(null)).toEqual({});
    expect(errorsFromServer(['x'])).toEqual({});
  });
});

describe('failureOf', () => {
  it.each([
    [{ status: 0, response: {} }, 'offline'],
    [{ status: 403, response: { data: {} } }, 'forbidden'],
    [{ status: 404, response: { data: {} } }, 'forbidden'],
    [{ status: 400, response: { reason: 'invalid-settings', data: {} } }, 'invalid-settings'],
    [{ status: 400, response: { data: { name: { code: 'validation_required', message: '' } } } }, 'invalid'],
  ])('tells why a save failed (%j → %s)', (error, reason) => {
    expect(failureOf(error).reason).toBe(reason);
  });
});

describe('errorsFromIssues', () => {
  it('uses a custom issue’s own code and a kebab-case zod code otherwise, first issue per path', () => {
    const schema = z.object({ a: z.string().max(1), b: z.string().refine(() => false, { error: 'no', params: { code: 'bad-b' } }) });
    const result = schema.safeParse({ a: 'long', b: '' });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(errorsFromIssues(result.error.issues)).toEqual({ a: { code: 'too-big', message: expect.any(String) }, b: { code: 'bad-b', message: 'no' } });
  });
});

describe('onListInputs', () => {
  it('moves an item’s error onto the input that edits its whole list, keeping the first', () => {
    const errors = {
      'rules.0.keywords.2': { code: 'a', message: '' },
      'rules.0.keywords.3': { code: 'b', message: '' },
      'rules.1.name': { code: 'c', message: '' },
    };
    expect(onListInputs(errors, ['keywords'])).toEqual({ 'rules.0.keywords': { code: 'a', message: '' }, 'rules.1.name': { code: 'c', message: '' } });
  });
});

describe('unplacedErrors', () => {
  it('lists the errors no input shows', () => {
    expect(unplacedErrors({ name: { code: 'a', message: '' }, form: { code: 'b', message: '' } }, (path) => path === 'name')).toEqual([
      ['form', { code: 'b', message: '' }],
    ]);
  });
});
