/// <reference path="../.pocketbase/types.d.ts" />
// QA review queue: a sample of closed conversations per agent each period, scored by the team's supervisor on a
// rubric; the agent reads the finished review.

migrate(
  (app) => {
    const isAgent = '@request.auth.collectionName = "agents"';
    const supervises = `${isAgent} && (@request.auth.role = "admin" || (@request.auth.role = "manager" && @request.auth.teams.id ?= team))`;
    const collection = new Collection({
      id: 'pd_qa_reviews_1',
      type: 'base',
      name: 'qa_reviews',
      listRule: `${supervises} || (${isAgent} && agent = @request.auth.id && status = "done")`,
      viewRule: `${supervises} || (${isAgent} && agent = @request.auth.id && status = "done")`,
      createRule: null,
      updateRule: supervises,
      deleteRule: null,
      fields: [
        { name: 'conversation', type: 'relation', collectionId: 'pd_conversation', maxSelect: 1, required: true, cascadeDelete: true },
        { name: 'agent', type: 'relation', collectionId: 'pd_agents_00001', maxSelect: 1, required: true },
        { name: 'team', type: 'relation', collectionId: 'pd_teams_000001', maxSelect: 1 },
        { name: 'period_start', type: 'date' },
        { name: 'period_end', type: 'date' },
        { name: 'status', type: 'select', values: ['pending', 'done'], maxSelect: 1, required: true },
        { name: 'scores', type: 'json', maxSize: 20000 },
        { name: 'total', type: 'number' },
        { name: 'max', type: 'number' },
        { name: 'percent', type: 'number' },
        { name: 'feedback', type: 'text', max: 5000 },
        { name: 'reviewer', type: 'relation', collectionId: 'pd_agents_00001', maxSelect: 1 },
        { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
        { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
      ],
      indexes: ['CREATE UNIQUE INDEX idx_qa_reviews_conversation ON qa_reviews (conversation)', 'CREATE INDEX idx_qa_reviews_team_period ON qa_reviews (team, period_start)'],
    });
    app.save(collection);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId('qa_reviews'));
  },
);
