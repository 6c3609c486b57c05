import { ReviewScreen } from "../../../components/review/review-screen";

export default function DocumentReviewPage() {
  return <ReviewScreen />;
}
