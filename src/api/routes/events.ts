import type { FastifyPluginAsync } from 'fastify';
import type { CommittedBlock } from '../../ledger/ledger.ts';
import type { CustosNode } from '../../node/node.ts';

/** What a subscriber learns of each block: enough to follow the chain live. */
export function blockToEvent(block: CommittedBlock) {
  return {
    height: block.header.height,
    hash: block.hash,
    time: block.header.time,
    logSize: block.header.logSize,
    txCount: block.transactions.length,
    transactions: block.transactions.map((t) => ({ txId: t.txId, status: t.result.status, ...(t.result.status === 'failed' ? { code: t.result.code } : {}) })),
    events: block.transactions.flatMap((t) => t.result.events.map((event) => ({ txId: t.txId, ...event }))),
  };
}

/** Server-sent events: one `block` event per committed block, and a comment every 15 s to keep proxies open. */
export const eventRoutes = (node: CustosNode): FastifyPluginAsync => async (app) => {
  app.get('/v1/events', { schema: { summary: 'Server-sent events of committed blocks and their events', tags: ['events'], produces: ['text/event-stream'] } }, (request, reply) => {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    raw.write(`event: hello\ndata: ${JSON.stringify({ height: node.ledger.head().height })}\n\n`);
    const onBlock = (block: CommittedBlock) => raw.write(`event: block\nid: ${block.header.height}\ndata: ${JSON.stringify(blockToEvent(block))}\n\n`);
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
    node.events.on('block', onBlock);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      node.events.off('block', onBlock);
    });
  });
};
