// Names the replica that served each response (X-Tessera-Replica from REPLICA_ID), so an operator
// or a load test behind nginx can see traffic reach every API replica. Off when REPLICA_ID is unset.
import fp from 'fastify-plugin';

export const REPLICA_HEADER = 'x-tessera-replica';

export const replicaIdPlugin = fp<{ replicaId: string | undefined }>(
  async (app, { replicaId }) => {
    if (!replicaId) return;
    app.addHook('onRequest', async (_request, reply) => {
      reply.header(REPLICA_HEADER, replicaId);
    });
  },
  { name: 'replica-id' },
);
