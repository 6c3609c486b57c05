// Placeholder until the web issue lands: proves the embedded server serves the Next.js app.
export default function HomePage() {
  return (
    <main>
      <h1>Finstat</h1>
      <p>
        Financial statements from PDF: extracted, checked with accounting arithmetic, analysed with ratios and
        reported in Excel and PDF.
      </p>
      <p>
        Service status: <a href="/api/health">/api/health</a>
      </p>
    </main>
  );
}
