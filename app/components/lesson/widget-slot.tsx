/**
 * Where a `::widget` directive sits in a step. The server renders the widget's text fallback
 * (it teaches without JavaScript); after hydration the interactive widget's own chunk is
 * loaded and replaces it. Only widgets on the current step are ever loaded, because a step is
 * one page. A widget that fails to load or crashes leaves the fallback in place.
 */
import { Component, useEffect, useState, type ComponentType, type ReactNode } from "react";
import type { WidgetName } from "~/course/types";
import { WidgetFallback } from "~/components/widgets/fallbacks";
import { widgetLoaders, type WidgetProps } from "~/components/widgets/registry";

export function WidgetSlot(props: WidgetProps) {
  const { name } = props;
  const [Interactive, setInteractive] = useState<ComponentType<WidgetProps> | null>(null);

  useEffect(() => {
    let live = true;
    const load = widgetLoaders[name as WidgetName];
    load?.()
      .then((module) => {
        if (live) setInteractive(() => module.default);
      })
      .catch(() => {
        // Offline or a stale deployment: the fallback stays and still teaches.
      });
    return () => {
      live = false;
    };
  }, [name]);

  const fallback = <WidgetFallback {...props} />;
  return (
    <div className="widget-slot" data-widget={name}>
      {Interactive ? (
        <WidgetBoundary fallback={fallback}>
          <Interactive {...props} />
        </WidgetBoundary>
      ) : (
        fallback
      )}
    </div>
  );
}

/** Keeps a crashing widget from taking the whole lesson page down. */
class WidgetBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
