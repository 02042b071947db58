// Inspector (/inspector): plain server-rendered pages to look inside the sandbox — every seeded
// user by organisation with their calendar week and inbox, every external mailbox (the mayor's
// offices) — and to answer invitations as any of them (POST forms, no script). Local only and
// unauthenticated, like the control API.
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { type AttendeeAnswer, listCalendarWeek, respondToEvent } from '../calendar/index.js';
import type { SandboxContext, SandboxModule } from '../context.js';
import { GraphError } from '../http/graph-error.js';
import { listExternalMailboxes, listMailbox } from '../mail/index.js';
import { listFeed } from '../teamwork/index.js';
import { renderFeed } from './feed-view.js';
import { html, page, ZONE } from './layout.js';
import { renderMailbox } from './mailbox-view.js';
import { isoWeekText, parseIsoWeek, renderWeek } from './week-view.js';

const ANSWERS: readonly AttendeeAnswer[] = ['accept', 'tentativelyAccept', 'decline'];
const NOTICES: Readonly<Record<string, string>> = {
  accept: 'Uitnodiging geaccepteerd.',
  tentativelyAccept: 'Uitnodiging voorlopig geaccepteerd.',
  decline: 'Uitnodiging geweigerd.',
};

type RespondForm = {
  attendee?: string;
  event?: string;
  answer?: string;
  comment?: string;
  returnTo?: string;
};

function sendPage(
  reply: FastifyReply,
  status: number,
  title: string,
  content: ReturnType<typeof html>,
) {
  return reply.status(status).type('text/html; charset=utf-8').send(page(title, content));
}

/** Only paths inside the inspector are followed after a form post (no open redirect). */
function safeReturn(path: string | undefined): string {
  return path && /^\/inspector(\/[^/\\]|\/?$|\?)/.test(path) && !path.includes('//')
    ? path
    : '/inspector';
}

function withNotice(path: string, notice: string): string {
  const [base = '', search = ''] = path.split('?');
  const params = new URLSearchParams(search);
  params.set('melding', notice);
  return `${base}?${params.toString()}`;
}

function noticeOf(query: { melding?: string }) {
  const text = query.melding ? NOTICES[query.melding] : undefined;
  return text ? html`<p class="notice" role="status">${text}</p>` : '';
}

function renderIndex(ctx: SandboxContext) {
  const tenants = ctx.directory.tenants().map(
    (tenant) =>
      html`<section aria-labelledby="org-${tenant.id}" class="card">
        <h2 id="org-${tenant.id}">
          ${tenant.displayName} <span class="muted">(${tenant.domain})</span>
        </h2>
        <ul>
          ${ctx.directory.usersOfTenant(tenant.id).map(
            (user) =>
              html`<li>
                <a href="/inspector/users/${encodeURIComponent(user.id)}">${user.displayName}</a>
                <span class="muted">· ${user.jobTitle ?? ''} · ${user.mail}</span>
              </li>`,
          )}
        </ul>
      </section>`,
  );
  const external = listExternalMailboxes(ctx);
  return html`<h1>Inspector</h1>
    <p>
      Agenda's en postvakken van de Microsoft 365-sandbox. Kies een persoon of een extern adres.
      <span lang="en" class="muted">Calendars and mailboxes of the sandbox.</span>
    </p>
    ${tenants}
    <section aria-labelledby="extern" class="card">
      <h2 id="extern">
        Externe postvakken <span lang="en" class="muted">(external mailboxes)</span>
      </h2>
      ${
        external.length === 0
          ? html`<p class="muted">
              Nog geen post naar adressen buiten de sandbox (bijvoorbeeld burgemeesters).
            </p>`
          : html`<ul>
              ${external.map((address) => html`<li><a href="/inspector/external/${encodeURIComponent(address)}">${address}</a></li>`)}
            </ul>`
      }
    </section>`;
}

export const inspectorModule: SandboxModule = async (app: FastifyInstance, ctx) => {
  await app.register(formbody);

  app.get('/', async (_request, reply) => sendPage(reply, 200, 'Overzicht', renderIndex(ctx)));

  app.get(
    '/users/:id',
    async (
      request: FastifyRequest<{
        Params: { id: string };
        Querystring: { week?: string; melding?: string };
      }>,
      reply,
    ) => {
      const user = ctx.directory.findUser(request.params.id);
      if (!user) {
        return sendPage(
          reply,
          404,
          'Niet gevonden',
          html`<h1>Onbekende gebruiker</h1>
            <p><a href="/inspector">Terug naar het overzicht</a></p>`,
        );
      }
      const requested = parseIsoWeek(request.query.week);
      if (request.query.week !== undefined && !requested) {
        return sendPage(
          reply,
          400,
          'Ongeldige week',
          html`<h1>Ongeldige week</h1>
            <p class="error" role="alert">Gebruik de vorm JJJJ-Www, bijvoorbeeld 2022-W24.</p>`,
        );
      }
      const weekStart =
        requested ?? DateTime.fromJSDate(ctx.clock.now(), { zone: ZONE }).startOf('week');
      const week = isoWeekText(weekStart);
      const self = `/inspector/users/${encodeURIComponent(user.id)}`;
      const returnTo = `${self}?week=${week}`;
      const items = listCalendarWeek(
        ctx,
        user.id,
        weekStart.toMillis(),
        weekStart.plus({ days: 7 }).toMillis(),
      );
      const content = html`<h1>${user.displayName}</h1>
        <p class="muted">${user.jobTitle ?? ''} · ${user.mail}</p>
        ${noticeOf(request.query)}
        <section aria-labelledby="agenda">
          <h2 id="agenda">
            Agenda week ${week.slice(6)} van ${weekStart.weekYear}
            <span class="muted"
              >(${weekStart.setLocale('nl').toFormat('d LLLL')} –
              ${weekStart.plus({ days: 6 }).setLocale('nl').toFormat('d LLLL yyyy')})</span
            >
          </h2>
          <nav class="week-nav" aria-label="Weken">
            <ul>
              <li>
                <a href="${self}?week=${isoWeekText(weekStart.minus({ weeks: 1 }))}" rel="prev"
                  >← Vorige week</a
                >
              </li>
              <li><a href="${self}">Deze week</a></li>
              <li>
                <a href="${self}?week=${isoWeekText(weekStart.plus({ weeks: 1 }))}" rel="next"
                  >Volgende week →</a
                >
              </li>
            </ul>
          </nav>
          ${renderWeek({ ownerId: user.id, weekStart, items, returnTo })}
        </section>
        <section aria-labelledby="postvak">
          <h2 id="postvak">
            Postvak IN <span lang="en" class="muted">(inbox, newest first)</span>
          </h2>
          ${renderMailbox(ctx, { userId: user.id, address: user.mail }, listMailbox(ctx, user.id), returnTo)}
        </section>
        <section aria-labelledby="activiteit">
          <h2 id="activiteit">
            Activiteit in Teams <span lang="en" class="muted">(activity feed, newest first)</span>
          </h2>
          ${renderFeed(listFeed(ctx, user.id))}
        </section>`;
      return sendPage(reply, 200, `${user.displayName} – week ${week}`, content);
    },
  );

  app.get(
    '/external/:address',
    async (
      request: FastifyRequest<{ Params: { address: string }; Querystring: { melding?: string } }>,
      reply,
    ) => {
      const address = request.params.address.toLowerCase();
      const returnTo = `/inspector/external/${encodeURIComponent(address)}`;
      const content = html`<h1>Extern postvak ${address}</h1>
        <p class="muted">
          Post aan dit adres buiten de sandbox (bijvoorbeeld het kabinet van de burgemeester).
          <span lang="en">External mailbox.</span>
        </p>
        ${noticeOf(request.query)}
        <section aria-labelledby="postvak">
          <h2 id="postvak">Postvak IN</h2>
          ${renderMailbox(ctx, { userId: undefined, address }, listMailbox(ctx, address), returnTo)}
        </section>`;
      return sendPage(reply, 200, address, content);
    },
  );

  app.post('/respond', async (request: FastifyRequest<{ Body: RespondForm }>, reply) => {
    const form = request.body ?? {};
    const returnTo = safeReturn(form.returnTo);
    const answer = ANSWERS.find((a) => a === form.answer);
    if (!answer || !form.attendee || !form.event) {
      return sendPage(
        reply,
        400,
        'Ongeldig antwoord',
        html`<h1>Ongeldig antwoord</h1>
          <p class="error" role="alert">Het formulier mist een antwoord, deelnemer of afspraak.</p>
          <p><a href="${returnTo}">Terug</a></p>`,
      );
    }
    try {
      const comment = form.comment?.trim();
      respondToEvent(ctx, form.attendee, form.event, answer, comment ? comment : undefined);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      // The same refusal Graph would give (organizer answering, cancelled meeting, …), as a page.
      return sendPage(
        reply,
        error.status,
        'Antwoord niet verwerkt',
        html`<h1>Antwoord niet verwerkt</h1>
          <p class="error" role="alert">
            ${error.message} <span class="muted">(${error.code})</span>
          </p>
          <p><a href="${returnTo}">Terug</a></p>`,
      );
    }
    return reply.redirect(withNotice(returnTo, answer), 303);
  });
};
