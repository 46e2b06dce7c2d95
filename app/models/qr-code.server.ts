/**
 * QR codes as inline SVG, made on the server: the page prints them with no JavaScript and no
 * image request. Error correction M survives a creased or smudged paper card.
 */
import QRCode from "qrcode";

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}
