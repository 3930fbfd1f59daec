import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureFile, snapshotSchema } from '../../scripts/schema-snapshot.mjs';

// tests/fixtures/schema.json was first generated from the 19 migrations the baseline replaced, so this holds the
// squash to the schema they built. Regenerate it after adding a migration: node scripts/schema-snapshot.mjs --write
describe('the migrations', () => {
  it('build a fresh database with the recorded collections, fields, rules, indexes, triggers and settings', () => {
    const recorded = JSON.parse(readFileSync(fixtureFile, 'utf8'));
    expect(snapshotSchema()).toEqual(recorded);
  });
});
