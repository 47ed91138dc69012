// Only QR codes in the exact shape the API promises (a base64 SVG data URL) become an <img> src;
// as an image, even a hostile SVG cannot run scripts or touch the page.
const QR_DATA_URL = /^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+={0,2}$/;

export const safeQrSrc = (qrCode: string): string | null =>
  QR_DATA_URL.test(qrCode) ? qrCode : null;
