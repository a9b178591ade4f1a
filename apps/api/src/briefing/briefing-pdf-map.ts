import type { BriefingView } from './briefing.service';

type Ring = number[][];

/**
 * The small map of the PDF without tiles (the server reaches no tile server): the neighbourhood outlines and
 * the open requests as dots, drawn with pdfkit paths in a box, north up, longitudes shrunk by cos(latitude).
 */
export function drawBriefingMap(
  doc: PDFKit.PDFDocument,
  map: BriefingView['map'],
  box: { x: number; y: number; width: number; height: number },
): void {
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).lineWidth(0.5).fillAndStroke('#f4f6f8', '#b0b8c0');
  const rings = map.outlines.flatMap((o) => polygonsOf(o.geometry).flat());
  const points = [...rings.flat(), ...map.openCases.map((c) => [c.longitude, c.latitude])];
  if (points.length === 0) {
    doc
      .fillColor('#555555')
      .fontSize(8)
      .text('Harita için sınır ya da konum yok', box.x + 8, box.y + box.height / 2 - 4, {
        width: box.width - 16,
        align: 'center',
      });
    doc.restore();
    return;
  }
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * shrink, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const pad = 10;
  const scale = Math.min((box.width - 2 * pad) / spanX, (box.height - 2 * pad) / spanY);
  const offsetX = box.x + (box.width - spanX * scale) / 2;
  const offsetY = box.y + (box.height - spanY * scale) / 2;
  const at = (lng: number, lat: number): [number, number] => [
    offsetX + (lng - minLng) * shrink * scale,
    offsetY + (maxLat - lat) * scale,
  ];
  for (const outline of map.outlines) {
    for (const polygon of polygonsOf(outline.geometry)) {
      for (const ring of polygon) {
        ring.forEach(([lng, lat], i) => {
          const [x, y] = at(lng, lat);
          if (i === 0) {
            doc.moveTo(x, y);
          } else {
            doc.lineTo(x, y);
          }
        });
        doc.closePath();
      }
      doc.lineWidth(0.8).fillOpacity(0.12).fillAndStroke('#1d6fb8', '#1d6fb8');
      doc.fillOpacity(1);
    }
  }
  for (const dot of map.openCases) {
    const [x, y] = at(dot.longitude, dot.latitude);
    doc.circle(x, y, 2.2).fill(dot.late ? '#c0392b' : '#e67e22');
  }
  doc.restore();
}

function polygonsOf(geometry: BriefingView['map']['outlines'][number]['geometry']): Ring[][] {
  const g = geometry as { type: string; coordinates: unknown };
  return g.type === 'MultiPolygon' ? (g.coordinates as Ring[][]) : [g.coordinates as Ring[]];
}
