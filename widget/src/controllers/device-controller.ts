/**
 * Which device `<cover-offers>` quotes: the one the page names (`brand`, `model`), or, in
 * picker mode (a category without a full device, or the `picker` attribute), what the
 * shopper picks, preselected by the page's values.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface DeviceHost extends ReactiveControllerHost {
  category: string;
  brand: string;
  model: string;
  picker: boolean;
}

export class DeviceController implements ReactiveController {
  private readonly host: DeviceHost;
  private pickedBrand = '';
  private pickedModel = '';

  constructor(host: DeviceHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  get pickerMode(): boolean {
    const { picker, category, brand, model } = this.host;
    // `?.`: a removed attribute leaves its property null, and frameworks do remove them.
    return picker || (Boolean(category?.trim()) && !(brand?.trim() && model?.trim()));
  }

  get brand(): string {
    return this.pickerMode ? this.pickedBrand : this.host.brand;
  }

  get model(): string {
    return this.pickerMode ? this.pickedModel : this.host.model;
  }

  /** What the pickers show: the shopper's picks. */
  get picks(): { brand: string; model: string } {
    return { brand: this.pickedBrand, model: this.pickedModel };
  }

  /** The shopper picked in the pickers. */
  pick(brand: string, model: string): void {
    [this.pickedBrand, this.pickedModel] = [brand, model];
    this.host.requestUpdate();
  }

  /** Back to the page's values (the page changed them, or the widget was reset). */
  reset(): void {
    this.pick(this.host.brand ?? '', this.host.model ?? '');
  }
}
