import type { Point, Rgb } from './raster';
import { mix } from './scene-lighting';
import type { StreetScene } from './street-scene';
import { fbm2, hash2, noise2 } from './value-noise';

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * A vertical cylinder (pole, trunk) standing at (x, z): shaded across its width from the sun's side.
 * `texture` adds bark or rust (0 for painted metal).
 */
export function drawPole(
  scene: StreetScene,
  x: number,
  z: number,
  from: number,
  to: number,
  radius: number,
  colour: Rgb,
  texture = 0,
  lean = 0,
): void {
  const { camera, light } = scene;
  const base = camera.project(x, from, z);
  const top = camera.project(x + lean * (to - from), to, z);
  const half = radius * camera.scale(z);
  const dx = top[0] - base[0];
  const dy = top[1] - base[1];
  const length = Math.hypot(dx, dy) || 1;
  const nx = (-dy / length) * half;
  const ny = (dx / length) * half;
  const quad: Point[] = [
    [base[0] - nx, base[1] - ny],
    [top[0] - nx, top[1] - ny],
    [top[0] + nx, top[1] + ny],
    [base[0] + nx, base[1] + ny],
  ];
  scene.raster.fillPolygon(quad, (px, py, out) => {
    // Position across the pole (-1 left edge, 1 right edge) and along it (0 base, 1 top).
    const along = ((px - base[0]) * dx + (py - base[1]) * dy) / (length * length);
    const across = ((px - base[0]) * nx + (py - base[1]) * ny) / (half * half);
    const lit = clamp01(0.5 + 0.5 * across * light.sunSide);
    const bark = texture ? (fbm2(across * 2, along * length * 0.25, 2, 77) - 0.5) * texture : 0;
    out[0] = colour[0] + bark;
    out[1] = colour[1] + bark;
    out[2] = colour[2] + bark;
    scene.shade(out, lit * 0.9 + 0.1);
    const rim = 1 - Math.abs(across) * Math.abs(across) * 0.35;
    out[0] *= rim;
    out[1] *= rim;
    out[2] *= rim;
    return 1;
  });
}

/** A municipal street lamp on the pavement, its arm over the road; lit, dark or with its lantern broken. */
export function drawLampPost(
  scene: StreetScene,
  x: number,
  z: number,
  state: 'lit' | 'dark' | 'broken',
  lean = 0,
): void {
  const towardRoad = x > 0 ? -1 : 1;
  const metal: Rgb = [74, 80, 84];
  drawPole(scene, x, z, 0, 0.9, 0.11, metal);
  drawPole(scene, x, z, 0, 7.2, 0.065, metal, 0, lean);
  const { camera } = scene;
  const topX = x + lean * 7.2;
  const armStart = camera.project(topX, 7.1, z);
  const armEnd = camera.project(topX + towardRoad * 1.5, 7.35 - Math.abs(lean) * 1.5, z);
  const thick = Math.max(1.2, 0.05 * camera.scale(z));
  scene.raster.fillPolygon(
    [
      [armStart[0], armStart[1] - thick],
      [armEnd[0], armEnd[1] - thick],
      [armEnd[0], armEnd[1] + thick],
      [armStart[0], armStart[1] + thick],
    ],
    (_x, _y, out) => {
      out[0] = metal[0];
      out[1] = metal[1];
      out[2] = metal[2];
      scene.shade(out, 0.6);
      return 1;
    },
  );
  const hx = topX + towardRoad * 1.55;
  const hy = 7.25 - Math.abs(lean) * 1.5;
  const head = scene.camera.project(hx, hy, z);
  const w = 0.38 * camera.scale(z);
  const h = 0.14 * camera.scale(z);
  // The housing, then its glass underneath.
  scene.raster.fillEllipse(head[0], head[1], w, h, (_x, _y, out) => {
    out[0] = 60;
    out[1] = 64;
    out[2] = 66;
    scene.shade(out, 0.7);
    return 1;
  });
  const glass = scene.camera.project(hx, hy - 0.13, z);
  if (state === 'lit') {
    scene.raster.fillEllipse(glass[0], glass[1], w * 0.8, h * 0.6, (_x, _y, out) => {
      out[0] = 255;
      out[1] = 236;
      out[2] = 190;
      return 1;
    });
    scene.raster.glow(glass[0], glass[1], 1.6 * camera.scale(z) + 10, [255, 190, 110], 0.9);
    scene.raster.glow(glass[0], glass[1], 0.4 * camera.scale(z) + 4, [255, 240, 200], 1.2);
  } else if (state === 'dark') {
    scene.raster.fillEllipse(glass[0], glass[1], w * 0.8, h * 0.6, (_x, _y, out) => {
      out[0] = 70;
      out[1] = 72;
      out[2] = 76;
      return 1;
    });
  } else {
    // The broken lantern: jagged shards left, the socket visible, wires hanging out.
    scene.raster.fillEllipse(glass[0], glass[1], w * 0.8, h * 0.6, (px, py, out) => {
      const shard = hash2(Math.floor(px / 3), Math.floor(py / 2), 3) > 0.55;
      const v = shard ? 150 : 26;
      out[0] = v;
      out[1] = v;
      out[2] = v + 6;
      scene.shade(out, 0.5);
      return shard || py > glass[1] ? 1 : 0.85;
    });
    const wire = scene.camera.project(hx + towardRoad * 0.05, hy - 0.9, z);
    scene.raster.fillPolygon(
      [
        [glass[0] - 1, glass[1]],
        [wire[0] - 1, wire[1]],
        [wire[0] + 1, wire[1]],
        [glass[0] + 1, glass[1]],
      ],
      (_x, _y, out) => {
        out[0] = 20;
        out[1] = 20;
        out[2] = 20;
        return 1;
      },
    );
  }
}

/** A street tree: a trunk and a leafy crown of overlapping clumps. */
export function drawTree(scene: StreetScene, x: number, z: number, height: number, salt: number): void {
  drawPole(scene, x, z, 0, height * 0.55, 0.14, [92, 74, 58], 40);
  drawCrown(scene, x, height * 0.7, z, height * 0.28, salt, 1);
}

/** A mass of leaves around (x, y, z), `size` metres across, built from shaded clumps. */
export function drawCrown(
  scene: StreetScene,
  x: number,
  y: number,
  z: number,
  size: number,
  salt: number,
  density: number,
): void {
  const { camera, light } = scene;
  const clumps = Math.round(18 * density);
  const green: Rgb = [74 + (salt % 20), 104 + (salt % 30), 52];
  for (let k = 0; k < clumps; k++) {
    const ox = (hash2(k, 1, salt) - 0.5) * size * 1.6;
    const oy = (hash2(k, 2, salt) - 0.5) * size * 1.1;
    const oz = (hash2(k, 3, salt) - 0.5) * size;
    const centre = camera.project(x + ox, y + oy, z + oz);
    const r = size * (0.22 + hash2(k, 4, salt) * 0.22) * camera.scale(z + oz);
    const lit = clamp01(0.5 + (ox / size) * light.sunSide + oy / size);
    scene.raster.fillEllipse(centre[0], centre[1], r, r * 0.85, (px, py, out) => {
      const dx = (px - centre[0]) / r;
      const dy = (py - centre[1]) / r;
      const leaf = noise2(px * 0.35, py * 0.35, salt + k);
      const edge = Math.sqrt(dx * dx + dy * dy);
      if (edge > 0.75 && leaf < 0.45) {
        return 0; // a ragged outline, not a disc
      }
      const shadeIn = clamp01(0.55 + lit * 0.3 - dy * 0.25 - dx * 0.15 * -light.sunSide + (leaf - 0.5) * 0.9);
      mix([28, 44, 24], green, shadeIn, out);
      scene.shade(out, shadeIn);
      return 1;
    });
  }
}

/** A box standing on the ground (metres): the faces the camera sees, each shaded. */
export function drawBox(
  scene: StreetScene,
  x0: number,
  x1: number,
  z0: number,
  z1: number,
  height: number,
  colour: Rgb,
  paint?: (face: 'front' | 'side' | 'top', u: number, v: number, out: Rgb) => void,
): void {
  const { camera, light } = scene;
  const p = (x: number, y: number, z: number) => camera.project(x, y, z);
  const faces: { face: 'front' | 'side' | 'top'; points: Point[]; light: number }[] = [];
  if (x0 > 0) {
    faces.push({
      face: 'side',
      points: [p(x0, 0, z0), p(x0, 0, z1), p(x0, height, z1), p(x0, height, z0)],
      light: light.sunSide < 0 ? 0.9 : 0.25,
    });
  } else if (x1 < 0) {
    faces.push({
      face: 'side',
      points: [p(x1, 0, z0), p(x1, 0, z1), p(x1, height, z1), p(x1, height, z0)],
      light: light.sunSide > 0 ? 0.9 : 0.25,
    });
  }
  if (height < camera.eye) {
    faces.push({
      face: 'top',
      points: [p(x0, height, z0), p(x1, height, z0), p(x1, height, z1), p(x0, height, z1)],
      light: 1,
    });
  }
  faces.push({
    face: 'front',
    points: [p(x0, 0, z0), p(x1, 0, z0), p(x1, height, z0), p(x0, height, z0)],
    light: 0.55,
  });
  for (const { face, points, light: amount } of faces) {
    const [a, b, , d] = points;
    scene.raster.fillPolygon(points, (px, py, out) => {
      // Face coordinates 0–1 from its first corner, for panels, ribs and dirt.
      const ux = b[0] - a[0];
      const uy = b[1] - a[1];
      const vx = d[0] - a[0];
      const vy = d[1] - a[1];
      const det = ux * vy - uy * vx || 1;
      const u = ((px - a[0]) * vy - (py - a[1]) * vx) / det;
      const v = ((py - a[1]) * ux - (px - a[0]) * uy) / det;
      out[0] = colour[0];
      out[1] = colour[1];
      out[2] = colour[2];
      paint?.(face, u, v, out);
      scene.shade(out, amount);
      return 1;
    });
  }
}

/** A tied rubbish bag lying or heaped at (x, y, z): glossy black plastic with folds and a knot. */
export function drawBag(
  scene: StreetScene,
  x: number,
  y: number,
  z: number,
  size: number,
  tint: Rgb,
  salt: number,
): void {
  const { camera, light } = scene;
  const centre = camera.project(x, y + size * 0.32, z);
  const rx = size * 0.6 * camera.scale(z);
  const ry = size * 0.36 * camera.scale(z);
  const tilt = (hash2(salt, 1, 9) - 0.5) * 0.8;
  scene.raster.fillEllipse(
    centre[0],
    centre[1],
    rx,
    ry,
    (px, py, out) => {
      const dx = (px - centre[0]) / rx;
      const dy = (py - centre[1]) / ry;
      // A lumpy outline: bags sag and bulge where their contents press.
      const edge = Math.sqrt(dx * dx + dy * dy);
      if (edge > 0.8 + 0.25 * noise2(Math.atan2(dy, dx) * 1.5 + 3, salt, salt)) {
        return 0;
      }
      const fold = noise2((dx * 2.2 + salt) * 1.3, dy * 3.5, salt) - 0.5;
      const form = clamp01(0.55 - dy * 0.35 + dx * 0.25 * -light.sunSide + fold * 0.6);
      const spot = Math.max(0, 1 - Math.hypot(dx + 0.3 * light.sunSide, dy + 0.4) * 3) ** 2;
      out[0] = tint[0] * (0.35 + form) + spot * 160;
      out[1] = tint[1] * (0.35 + form) + spot * 160;
      out[2] = tint[2] * (0.35 + form) + spot * 170;
      scene.shade(out, 0.9);
      return 1;
    },
    tilt,
  );
  const knot = camera.project(x + size * 0.05, y + size * 0.62, z);
  scene.raster.fillEllipse(knot[0], knot[1], rx * 0.14, ry * 0.24, (_x, _y, out) => {
    out[0] = tint[0] * 0.6;
    out[1] = tint[1] * 0.6;
    out[2] = tint[2] * 0.6;
    scene.shade(out, 0.8);
    return 1;
  });
}

/** A lying trunk from (x0, z0) to (x1, z1), drawn far end first as a sweep of discs. */
export function drawLog(
  scene: StreetScene,
  x0: number,
  z0: number,
  x1: number,
  z1: number,
  r0: number,
  r1: number,
): void {
  const { camera, light } = scene;
  const far = z0 > z1;
  const steps = 90;
  for (let k = 0; k <= steps; k++) {
    const t = far ? k / steps : 1 - k / steps;
    const x = x0 + (x1 - x0) * t;
    const z = z0 + (z1 - z0) * t;
    const r = r0 + (r1 - r0) * t;
    const centre = camera.project(x, r, z);
    const pr = r * camera.scale(z);
    const along = t * Math.hypot(x1 - x0, z1 - z0);
    scene.raster.fillEllipse(centre[0], centre[1], pr, pr, (px, py, out) => {
      const dy = (py - centre[1]) / pr;
      const dx = (px - centre[0]) / pr;
      const bark = fbm2(along * 3, dy * 3 + dx, 3, 55);
      const ridge = Math.abs(noise2(along * 1.2, dy * 6, 56) - 0.5) < 0.06 ? -30 : 0;
      const v = 70 + bark * 60 + ridge;
      out[0] = v * 1.05;
      out[1] = v * 0.85;
      out[2] = v * 0.68;
      scene.shade(out, clamp01(0.6 - dy * 0.5 + dx * 0.2 * -light.sunSide));
      return 1;
    });
  }
}
