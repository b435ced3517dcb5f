/** Reads the text of a QR code in an image, a video frame or a canvas. */
export interface QrDetector {
  detect(source: ImageBitmapSource): Promise<string | null>;
}

interface DetectorLike {
  detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}

interface NativeBarcodeDetector {
  new (options: { formats: string[] }): DetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

function wrap(detector: DetectorLike): QrDetector {
  return {
    async detect(source) {
      const found = await detector.detect(source);
      return found[0]?.rawValue ?? null;
    },
  };
}

let detector: Promise<QrDetector> | null = null;

/**
 * The browser's own BarcodeDetector where it reads QR codes (Android, macOS,
 * ChromeOS); elsewhere (desktop Linux and Windows Chrome, Firefox, Safari) the
 * maintained `barcode-detector` ponyfill, ZXing-C++ compiled to WebAssembly.
 * Its .wasm is served by this node (bundled by Vite), never fetched from a CDN,
 * so scanning works inside a government network. Loaded only when first needed.
 */
export function getQrDetector(): Promise<QrDetector> {
  detector ??= (async () => {
    const native = (globalThis as { BarcodeDetector?: NativeBarcodeDetector }).BarcodeDetector;
    if (native !== undefined) {
      const formats = await native.getSupportedFormats().catch((): string[] => []);
      if (formats.includes('qr_code')) return wrap(new native({ formats: ['qr_code'] }));
    }
    const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
      import('barcode-detector/ponyfill'),
      import('zxing-wasm/reader/zxing_reader.wasm?url'),
    ]);
    prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } });
    return wrap(new BarcodeDetector({ formats: ['qr_code'] }) as DetectorLike);
  })();
  return detector;
}
