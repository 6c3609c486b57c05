import { ReportsScreen } from "../../../../components/reports/reports-screen";

export default function DocumentReportsPage() {
  return <ReportsScreen />;
}
