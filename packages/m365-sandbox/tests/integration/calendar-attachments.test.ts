// File attachments on events as Graph documents them (api/event-post-attachments.md): added by
// the organizer under 3 MB (413 above), listed with their contentBytes, read and deleted; the
// event shows hasAttachments and a new changeKey; the attendees' copies get nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Sandbox } from '../../src/app.js';
import { listMailbox } from '../../src/mail/index.js';
import { appToken, startTestSandbox } from '../../src/testing.js';
import { SEED_DATE, fatima, graphClient, holdBody, sanne } from './calendar-fixtures.js';

let sandbox: Sandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedDate: SEED_DATE });
  client = graphClient(sandbox, await appToken(sandbox));
}, 60_000);
afterAll(async () => sandbox.close());

const file = (name: string, content: Buffer) => ({
  '@odata.type': '#microsoft.graph.fileAttachment',
  name,
  contentType: 'application/json',
  contentBytes: content.toString('base64'),
});

describe('/users/{id}/events/{id}/attachments', () => {
  it('adds, lists, reads and deletes a file attachment, without telling the attendees', async () => {
    const event = await client.api(`/users/${sanne.upn}/events`).post(
      holdBody({
        day: '2022-06-14',
        from: '19:30',
        to: '22:30',
        attendees: [fatima.upn],
        transactionId: 'bijlage-1',
      }),
    );
    const mailsBefore = listMailbox(sandbox.ctx, fatima.upn).length;
    const added = await client
      .api(`/users/${sanne.upn}/events/${event.id}/attachments`)
      .post(file('lijst.json', Buffer.from('{"a":1}')));
    expect(added).toMatchObject({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'lijst.json',
      size: 7,
      isInline: false,
      contentType: 'application/json',
    });
    const after = await client.api(`/users/${sanne.upn}/events/${event.id}`).get();
    expect(after.hasAttachments).toBe(true);
    expect(after.changeKey).not.toBe(event.changeKey);

    const listed = await client.api(`/users/${sanne.upn}/events/${event.id}/attachments`).get();
    expect(listed.value).toHaveLength(1);
    expect(Buffer.from(listed.value[0].contentBytes, 'base64').toString()).toBe('{"a":1}');
    const one = await client
      .api(`/users/${sanne.upn}/events/${event.id}/attachments/${added.id}`)
      .get();
    expect(one.id).toBe(added.id);
    expect(listMailbox(sandbox.ctx, fatima.upn)).toHaveLength(mailsBefore);

    await client.api(`/users/${sanne.upn}/events/${event.id}/attachments/${added.id}`).delete();
    const empty = await client.api(`/users/${sanne.upn}/events/${event.id}/attachments`).get();
    expect(empty.value).toEqual([]);
    const gone = await client
      .api(`/users/${sanne.upn}/events/${event.id}/attachments/${added.id}`)
      .get()
      .catch((error: { statusCode: number }) => error.statusCode);
    expect(gone).toBe(404);
  });

  it('refuses 3 MB or more, an unknown event and another attachment type', async () => {
    const event = await client
      .api(`/users/${sanne.upn}/events`)
      .post(holdBody({ day: '2022-06-15', from: '19:30', to: '22:30', attendees: [] }));
    const status = (promise: Promise<unknown>) =>
      promise.then(
        () => 0,
        (error: { statusCode: number }) => error.statusCode,
      );
    const url = `/users/${sanne.upn}/events/${event.id}/attachments`;
    expect(
      await status(client.api(url).post(file('groot.bin', Buffer.alloc(3 * 1024 * 1024)))),
    ).toBe(413);
    expect(
      await status(
        client
          .api(`/users/${sanne.upn}/events/AAMkAGbestaatniet/attachments`)
          .post(file('a', Buffer.from('x'))),
      ),
    ).toBe(404);
    expect(
      await status(
        client.api(url).post({ '@odata.type': '#microsoft.graph.referenceAttachment', name: 'x' }),
      ),
    ).toBe(400);
    expect((await client.api(url).get()).value).toEqual([]);
  });
});
