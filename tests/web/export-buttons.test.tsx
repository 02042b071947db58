// The overview's downloads (issue 13.6): each button asks the API for the edition's file and the
// browser saves it under the server's name; a refusal is shown, in Dutch, beside the buttons.
import { describe, expect, it, jest } from '@jest/globals';
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { WorkshopApi } from '../../src/web/common/api/workshop-api.js';
import { ExportButtons } from '../../src/web/tab/pages/overview/export-buttons.js';
import { fakeApi, renderInTab } from './support/render.js';

describe('the export buttons', () => {
  it('downloads the status as Excel under the name the server gives', async () => {
    const exportCampaign = jest.fn<WorkshopApi['exportCampaign']>(async () => ({
      fileName: 'stand-weerbaarheid-demo-2026-09-01.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: Buffer.from('PK').toString('base64'),
      rows: 44,
    }));
    const createObjectURL = jest.fn(() => 'blob:stand');
    Object.assign(URL, { createObjectURL, revokeObjectURL: () => undefined });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    renderInTab(<ExportButtons campaignId="weerbaarheid-demo" />, {
      services: { api: fakeApi({ exportCampaign }) },
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Stand downloaden (Excel)' }));
    expect(exportCampaign).toHaveBeenCalledWith('weerbaarheid-demo', 'status', 'xlsx');
    expect(clicked).toEqual(['stand-weerbaarheid-demo-2026-09-01.xlsx']);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('offers the status as CSV and the log, in English too', async () => {
    renderInTab(<ExportButtons campaignId="weerbaarheid-demo" />, { language: 'en' });
    expect(screen.getByRole('button', { name: 'Download status (CSV)' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Download log (Excel)' })).toBeEnabled();
  });
});
