import { DocumentAnalysisScreen } from "../../../../components/analysis/DocumentAnalysisScreen";

export default function DocumentAnalysisPage() {
  return <DocumentAnalysisScreen />;
}
