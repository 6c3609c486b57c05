import { ReportsScreen } from "../../../../components/reports/ReportsScreen";

export default function DocumentReportsPage() {
  return <ReportsScreen />;
}
