import { tick } from 'svelte';

/** After a refused save, moves focus to the first field marked invalid: keyboard and screen-reader users land on the problem. */
export async function focusFirstInvalid(form: HTMLFormElement): Promise<void> {
  await tick();
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
