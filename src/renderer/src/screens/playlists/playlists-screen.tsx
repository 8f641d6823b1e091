export function PlaylistsScreen() {
  return (
    <section aria-labelledby="playlists-title">
      <h1 id="playlists-title">Playlists</h1>
    </section>
  )
}
