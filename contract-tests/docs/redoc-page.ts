// Drives the rendered Redoc reference the way a reader does: sidebar, variant switcher, response tabs,
// example dropdowns. Everything it returns is read from the rendered DOM.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export class RedocPage {
  constructor(
    private readonly page: Page,
    private readonly operationId: string,
  ) {}

  private byId(suffix: string): Locator {
    return this.page.locator(`[id$="/${this.operationId.toLowerCase()}/${suffix}"]`);
  }

  async openOperation(tag: string, summary: string): Promise<void> {
    const sidebar = this.page.locator('.menu-content');
    await sidebar.getByText(tag, { exact: true }).first().click();
    await sidebar.getByText(summary, { exact: true }).first().click();
    // Headings carry a "link to …" anchor in their accessible name, hence no exact match.
    await this.page.getByRole('heading', { name: summary }).first().waitFor();
  }

  operationSection(): Locator {
    return this.page.locator(`[id$="/${this.operationId.toLowerCase()}"]`);
  }

  header(name: string): Locator {
    return this.byId(`t=request&in=headers&path=${name.toLowerCase()}`);
  }

  private get requestData(): Locator {
    return this.byId('t=request&path=data');
  }

  // The variant switcher of `data`; the addresses inside have switchers of their own (region or county), later in the page.
  private get variantSwitcher(): Locator {
    return this.requestData.locator('[data-section-id="switcher"]').first();
  }

  async selectVariant(title: string): Promise<void> {
    await this.variantSwitcher.getByRole('button').click();
    await this.page.getByRole('menuitem', { name: title, exact: true }).click();
    await this.variantSwitcher.getByText(title, { exact: true }).waitFor();
  }

  // Opens every collapsed property of the request body, then lists the visible properties by path
  // (data.x.y) with the text shown for each.
  async visibleRequestFields(): Promise<Map<string, string>> {
    const showMore = this.requestData.getByRole('button', { name: /Show (\d+ )?propert/ });
    while ((await showMore.count()) > 0) await showMore.first().click();
    const items = this.page.locator(`[id*="/${this.operationId.toLowerCase()}/t=request&path=data&oneof="]`);
    const fields = new Map<string, string>();
    for (const item of await items.all()) {
      if (!(await item.isVisible())) continue;
      // Redoc's ids read path=data&oneof=2/customer/id; the spec facts say data.customer.id.
      const id = (await item.getAttribute('id')) ?? '';
      const fieldPath = id.slice(id.indexOf('&path=') + '&path='.length).replaceAll(/&oneof=\d+/g, '').replaceAll('/', '.');
      fields.set(fieldPath, await item.innerText());
    }
    return fields;
  }

  async selectResponse(status: string): Promise<Locator> {
    const tab = this.page.getByRole('tablist', { name: 'Response status' }).getByRole('tab', { name: status, exact: true });
    await tab.click();
    await this.page.waitForFunction((t) => t?.getAttribute('aria-selected') === 'true', await tab.elementHandle());
    return this.page.getByTestId('middle-panel').filter({ has: this.byId('responses') });
  }

  // Shows the named example in a samples panel (request or response) and returns it parsed from the rendered JSON.
  async showExample(panel: 'request' | 'response', summary: string): Promise<unknown> {
    const samples = this.page.locator(`.panel-${panel}-samples`).first();
    // A response with a single example shows it without a picker (and without its summary).
    const picker = samples.getByRole('button', { name: 'Example', exact: true });
    if ((await picker.count()) > 0 && (await picker.innerText()).trim() !== summary) {
      await picker.click();
      await this.page.getByRole('menuitem', { name: summary, exact: true }).click();
      await expect.poll(async () => (await picker.innerText()).trim()).toBe(summary);
    }
    const source = samples.getByTestId('source-code').first();
    // The code block's controls only show while the pointer is over it; "Expand all" turns into
    // "Collapse all" once used and stays so from one example to the next.
    await source.hover();
    const expandAll = samples.getByTestId('expand-all');
    if ((await expandAll.count()) > 0) await expandAll.click();
    return JSON.parse(await source.innerText());
  }
}
