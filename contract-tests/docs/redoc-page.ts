// Drives the rendered Redoc reference the way a reader does: variant switcher, response tabs, example
// dropdowns. Everything it returns is read from the rendered DOM.
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

  // The operation as a reader finds it on opening the page: no sidebar, no click.
  operationHeading(summary: string): Locator {
    // Headings carry a "link to …" anchor in their accessible name, hence no exact match.
    return this.operationSection().getByRole('heading', { name: summary }).first();
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

  async requestBodyText(): Promise<string> {
    return this.requestData.innerText();
  }

  async selectedVariant(): Promise<string> {
    return (await this.variantSwitcher.getByRole('button').innerText()).trim();
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

  private get responseStatusList(): Locator {
    return this.byId('responses').getByRole('tablist', { name: 'Response status' });
  }

  async responseStatuses(): Promise<string[]> {
    return (await this.responseStatusList.getByRole('tab').allInnerTexts()).map((text) => text.trim());
  }

  async selectResponse(status: string): Promise<Locator> {
    const tab = this.responseStatusList.getByRole('tab', { name: status, exact: true });
    await tab.click();
    await this.page.waitForFunction((t) => t?.getAttribute('aria-selected') === 'true', await tab.elementHandle());
    return this.page.getByTestId('middle-panel').filter({ has: this.byId('responses') });
  }

  private samples(panel: 'request' | 'response'): Locator {
    return this.page.locator(`.panel-${panel}-samples`).first();
  }

  private examplePicker(panel: 'request' | 'response'): Locator {
    return this.samples(panel).getByRole('button', { name: 'Example', exact: true });
  }

  // The example a samples panel shows, by summary; a response with a single example has no picker.
  async selectedExample(panel: 'request' | 'response'): Promise<string | undefined> {
    const picker = this.examplePicker(panel);
    return (await picker.count()) > 0 ? (await picker.innerText()).trim() : undefined;
  }

  // The JSON a samples panel shows, as rendered: a collapsed `{ … }` does not parse.
  async shownJson(panel: 'request' | 'response'): Promise<string> {
    return this.samples(panel).getByTestId('source-code').first().innerText();
  }

  // Shows the named example in a samples panel (request or response) and returns it parsed from the rendered JSON.
  async showExample(panel: 'request' | 'response', summary: string): Promise<unknown> {
    const shown = await this.selectedExample(panel);
    if (shown !== undefined && shown !== summary) {
      const picker = this.examplePicker(panel);
      await picker.click();
      await this.page.getByRole('menuitem', { name: summary, exact: true }).click();
      await expect.poll(async () => (await picker.innerText()).trim()).toBe(summary);
    }
    return JSON.parse(await this.shownJson(panel));
  }

  // The request samples' language picker (Payload, then one entry per code sample), in the request panel's header.
  private get sampleLanguagePicker(): Locator {
    return this.samples('request').locator('[data-component-name="Panel/PanelHeader"] [data-testid="dropdown"]').last().getByRole('button').first();
  }

  async requestSampleLabels(): Promise<string[]> {
    await this.samples('request').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await this.sampleLanguagePicker.click();
    const items = this.page.getByRole('menuitem');
    await items.first().waitFor();
    const labels = (await items.allInnerTexts()).map((label) => label.trim());
    await this.sampleLanguagePicker.click();
    await items.first().waitFor({ state: 'hidden' });
    return labels;
  }

  // Picks a request sample (or `Payload`) by its label, as a reader does, and returns the code it shows.
  async showRequestSample(label: string): Promise<string> {
    await this.samples('request').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await this.sampleLanguagePicker.click();
    await this.page.getByRole('menuitem', { name: label, exact: true }).click();
    await expect.poll(async () => (await this.sampleLanguagePicker.innerText()).trim()).toBe(label);
    return this.samples('request').getByTestId('source-code').first().innerText();
  }
}
