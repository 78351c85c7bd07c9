// The compare page: the divider between the two dates' maps follows the swipe slider (and arrow
// keys on it); the address keeps its place (?split=N), so the view is a link like every other.
const maps = document.getElementById("compare-maps");
const swipe = document.getElementById("swipe");
const field = document.querySelector(".split-field");

function follow() {
  maps.style.setProperty("--split", `${swipe.value}%`);
  field.value = swipe.value;
  const q = new URLSearchParams(location.search);
  q.set("split", swipe.value);
  history.replaceState(null, "", `?${q.toString().replaceAll("%2C", ",")}`);
}

swipe.addEventListener("input", follow);
maps.style.setProperty("--split", `${swipe.value}%`);
