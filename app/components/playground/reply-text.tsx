/**
 * A model's reply as Markdown, with the renderer (reply-markdown.tsx: react-markdown, remark-gfm
 * and rehype-sanitize, ~40 KB gzipped, a quarter of the playground's JavaScript) kept off the
 * page's first load.
 *
 * The server renders every reply in full, so the page reads the same with JavaScript off: its
 * entry (entry.server.tsx) hands the renderer in through ServerReplyRenderer, as the browser's
 * build must not import it. In the browser the renderer is a chunk of its own, fetched when
 * first needed: each reply sits in a Suspense boundary, and React leaves a boundary whose code has
 * not arrived as the server wrote it, hydrating the rest of the page meanwhile. A reply that
 * streams in before the chunk shows as plain text for that moment. The chunk is asked for as soon
 * as the student heads for the prompt box (preloadReplyMarkdown), long before a reply arrives.
 */
import { createContext, lazy, memo, Suspense, useContext, type ComponentType } from "react";

type Renderer = ComponentType<{ text: string }>;

/** The renderer itself, on the server; nothing in the browser. */
export const ServerReplyRenderer = createContext<Renderer | null>(null);

const loadRenderer = () => import("./reply-markdown");
const ReplyMarkdownChunk = lazy(() => loadRenderer().then((module) => ({ default: module.ReplyMarkdown })));

/** Starts fetching the renderer; harmless to call again (the browser loads a module once). */
export function preloadReplyMarkdown(): void {
  void loadRenderer();
}

/** What a reply looks like for the moment before the renderer arrives: its text, wrapped as written. */
function PlainReply({ text }: { text: string }) {
  return (
    <div className="md">
      <p className="md-plain">{text}</p>
    </div>
  );
}

/**
 * Memoised on the text: a boundary React has not hydrated yet would be thrown away and drawn again
 * from the fallback if its parent re-rendered it with new props (each streamed piece re-renders
 * the list).
 */
export const ReplyText = memo(function ReplyText({ text }: { text: string }) {
  const Renderer = useContext(ServerReplyRenderer) ?? ReplyMarkdownChunk;
  return (
    <Suspense fallback={<PlainReply text={text} />}>
      <Renderer text={text} />
    </Suspense>
  );
});
