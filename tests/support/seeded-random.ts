// Generated test cases and benchmarks use the product's own seeded generator: a failing case replays from its seed.
export { seededRandom } from '../../src/lib/domain/random/seeded-random';
