// A log line as the API gives it: the Dutch detail for whoever reads it as text, and the event as
// a code with parameters, which the web words in the user's language (issue 18, item 12).
import type { TCampaignLogEntryView, TLogEntryView } from '../../contract/index.js';
import type { LogEntry } from '../../domain/ports.js';

export function toLogEntryView(entry: LogEntry): TLogEntryView {
  return {
    at: entry.at,
    action: entry.action,
    from: entry.from,
    to: entry.to,
    by: entry.by,
    detail: entry.detail,
    event: entry.event ? { code: entry.event.code, params: { ...entry.event.params } } : null,
  };
}

export function toCampaignLogEntryView(entry: LogEntry): TCampaignLogEntryView {
  return {
    ...toLogEntryView(entry),
    signupId: entry.signupId,
    cbsCode: entry.cbsCode,
    municipality: entry.municipality,
  };
}
