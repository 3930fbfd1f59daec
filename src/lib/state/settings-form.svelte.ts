// One admin form's save cycle: check on the device, send, and show what came back (field errors, a refusal, saved).
import type { FieldErrorMap, SaveResult } from '../client/settings-errors';
import { locale } from './locale.svelte';

type Checked<I> = { ok: true; input: I } | { ok: false; errors: FieldErrorMap };

export class SettingsForm {
  #errors = $state<FieldErrorMap>({});
  #saving = $state(false);
  #alert = $state('');
  #saved = $state(false);

  /** Field errors keyed like the form's inputs. */
  get errors(): FieldErrorMap {
    return this.#errors;
  }
  get saving(): boolean {
    return this.#saving;
  }
  /** Why the last attempt did not save, in the reader's language; '' when it did or none was made. */
  get alert(): string {
    return this.#alert;
  }
  get saved(): boolean {
    return this.#saved;
  }

  /**
   * Checks with `check` (nothing is sent when it fails), then `save`s; the server's field errors are re-keyed with
   * `placeServerErrors`. Answers the saved value, or null.
   */
  async run<I, T>(
    check: () => Checked<I>,
    save: (input: I) => Promise<SaveResult<T>>,
    placeServerErrors: (errors: FieldErrorMap) => FieldErrorMap = (e) => e,
  ): Promise<T | null> {
    const t = locale.t.admin;
    this.#saved = false;
    const checked = check();
    if (!checked.ok) {
      this.#errors = checked.errors;
      this.#alert = t.fixErrors;
      return null;
    }
    this.#saving = true;
    const result = await save(checked.input);
    this.#saving = false;
    if (result.ok) {
      this.#errors = {};
      this.#alert = '';
      this.#saved = true;
      return result.value;
    }
    this.#errors = placeServerErrors(result.errors);
    this.#alert = result.reason === 'offline' ? t.offline : result.reason === 'forbidden' ? t.forbidden : t.fixErrors;
    return null;
  }
}
