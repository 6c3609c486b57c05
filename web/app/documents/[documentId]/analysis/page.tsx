import { DocumentAnalysisScreen } from "../../../../components/analysis/document-analysis-screen";

export default function DocumentAnalysisPage() {
  return <DocumentAnalysisScreen />;
}
