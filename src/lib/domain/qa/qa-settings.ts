/** One scored aspect of a reviewed conversation, from 0 to `max` whole points. */
export interface RubricCriterion {
  id: string;
  label: string;
  max: number;
}

/** How conversations are picked for quality review and scored. */
export interface QaSettings {
  enabled: boolean;
  samplePerAgent: number;
  periodDays: number;
  rubric: readonly RubricCriterion[];
}

/** What a workspace starts with: off until a manager turns it on. */
export const DEFAULT_QA_SETTINGS: QaSettings = {
  enabled: false,
  samplePerAgent: 3,
  periodDays: 7,
  rubric: [
    { id: 'greeting', label: 'Greeting', max: 2 },
    { id: 'resolution', label: 'Resolution', max: 4 },
    { id: 'tone', label: 'Tone', max: 2 },
    { id: 'accuracy', label: 'Accuracy', max: 2 },
  ],
};
