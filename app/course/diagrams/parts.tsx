/**
 * Shared pieces for diagrams, so every diagram is accessible and printable the same way:
 * strokes and text in currentColor (dark on screen and paper, the system colour in forced-colors
 * mode), box fills by class (learn.css turns them to Canvas in forced colors), meaning carried by
 * numbers, words and arrows, never by colour alone.
 */
import { createContext, useContext, type ReactNode } from "react";
import { hanRuns } from "../../i18n/han-runs";
import type { Locale } from "../../i18n/locales";
import type { DiagramText } from "./types";

/** The language of the page a diagram is drawn for (set by the build), so its Chinese runs are marked. */
export const DiagramLocale = createContext<Locale>("en");

export function DiagramFrame({
  id,
  text,
  width,
  height,
  children,
}: {
  id: string;
  text: DiagramText;
  /** viewBox size: design at about 360 units wide so text stays readable on a 360 px phone. */
  width: number;
  height: number;
  children: ReactNode;
}) {
  return (
    <svg
      className="diagram-svg"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      fontFamily="inherit"
      fill="currentColor"
      stroke="none"
    >
      <title id={`${id}-title`}>{text.title}</title>
      <desc id={`${id}-desc`}>{text.desc}</desc>
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0 0 L10 5 L0 10 z" fill="currentColor" />
        </marker>
      </defs>
      {children}
    </svg>
  );
}

/** A rounded box. `kind` picks a fill (learn.css); the outline alone is enough to read it. */
export function Box({ x, y, width, height, kind = "plain" }: { x: number; y: number; width: number; height: number; kind?: "plain" | "soft" | "example" }) {
  return (
    <rect
      className={`dg-box dg-${kind}`}
      x={x}
      y={y}
      width={width}
      height={height}
      rx={kind === "example" ? 4 : 10}
      fill={kind === "plain" ? "#ffffff" : "#eef1f7"}
      stroke="currentColor"
      strokeWidth={kind === "example" ? 1.25 : 2}
      strokeDasharray={kind === "example" ? "5 3" : undefined}
    />
  );
}

/** Text with line breaks: each "\n" in the string starts a new line. */
export function Lines({
  x,
  y,
  text,
  size = 15,
  weight,
  anchor = "start",
  lineHeight = 1.3,
  mono = false,
}: {
  x: number;
  /** Baseline of the first line. */
  y: number;
  text: string;
  size?: number;
  weight?: "bold";
  anchor?: "start" | "middle" | "end";
  lineHeight?: number;
  mono?: boolean;
}) {
  const lines = text.split("\n");
  const locale = useContext(DiagramLocale);
  return (
    <text
      x={x}
      y={y}
      fontSize={size}
      fontWeight={weight}
      textAnchor={anchor}
      fontFamily={mono ? "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" : undefined}
    >
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : size * lineHeight}>
          {hanRuns(line, locale).map((piece, j) =>
            piece.lang ? (
              <tspan key={j} lang={piece.lang}>
                {piece.text}
              </tspan>
            ) : (
              piece.text
            ),
          )}
        </tspan>
      ))}
    </text>
  );
}

/** A numbered circle: the order is in the number, not in a colour. */
export function StepNumber({ x, y, n }: { x: number; y: number; n: number }) {
  return (
    <g>
      <circle cx={x} cy={y} r={13} fill="currentColor" />
      <text x={x} y={y + 5} fontSize={15} fontWeight="bold" textAnchor="middle" className="dg-on-ink" fill="#ffffff">
        {n}
      </text>
    </g>
  );
}

/** A straight or bent arrow along the given points. */
export function Arrow({ id, points }: { id: string; points: ReadonlyArray<readonly [number, number]> }) {
  const d = points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x} ${y}`).join(" ");
  return <path d={d} fill="none" stroke="currentColor" strokeWidth={2.5} markerEnd={`url(#${id}-arrow)`} />;
}
