import { ReviewScreen } from "../../../components/review/ReviewScreen";

export default function DocumentReviewPage() {
  return <ReviewScreen />;
}
