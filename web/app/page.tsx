import { HomeScreen } from "../components/layout/HomeScreen";

export default function HomePage() {
  return <HomeScreen />;
}
