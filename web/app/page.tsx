import { HomeScreen } from "../components/layout/home-screen";

export default function HomePage() {
  return <HomeScreen />;
}
