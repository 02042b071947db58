// The errors SharePoint answers through Graph. Its codes are camelCase (itemNotFound,
// invalidRequest, accessDenied, nameAlreadyExists, preconditionFailed), unlike Outlook's
// ErrorItemNotFound; clients that switch on error.code see what they would see in a tenant.
import { GraphError } from '../http/graph-error.js';

export const invalidRequest = (message: string) => new GraphError(400, 'invalidRequest', message);

export const itemNotFound = (message: string) => new GraphError(404, 'itemNotFound', message);

export const siteNotFound = () => itemNotFound('Requested site could not be found');

export const listNotFound = () => itemNotFound('The specified list was not found');

export const listItemNotFound = () => itemNotFound('The specified list item was not found');

export const columnNotFound = () => itemNotFound('The specified column was not found');

export const nameAlreadyExists = (message: string) =>
  new GraphError(409, 'nameAlreadyExists', message);

export const notSupportedBySandbox = (what: string) =>
  new GraphError(
    400,
    'invalidRequest',
    `${what} is not supported by the Workshopplanner sandbox (only the Graph subset the product uses is).`,
  );

/** Field 'X' is not recognized: the message SharePoint gives for an unknown internal name. */
export const fieldNotRecognized = (name: string) =>
  invalidRequest(`Field '${name}' is not recognized`);
