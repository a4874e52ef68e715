/*
 * Reader-side behaviour of the edition, small and dependency-free.
 * - A click on a paragraph's ¶ puts its URL in the address bar (the link does
 *   that) and also copies the URL to the clipboard, saying so next to it.
 * - "How to cite" shows today's date as the access date.
 */
(function () {
  // The page's language's words, from the string table (overrides/main.html).
  var words = JSON.parse(document.getElementById("__edition").textContent)

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.paragraph-link")
    if (!link || !navigator.clipboard) return
    navigator.clipboard.writeText(link.href).then(function () {
      var status = link.parentNode.querySelector(".copy-status") || document.createElement("span")
      status.className = "copy-status"
      status.setAttribute("role", "status")
      status.textContent = words["paragraph.copied"]
      link.after(status)
      setTimeout(function () { status.remove() }, 2000)
    }, function () { /* no clipboard permission: the address bar has the URL */ })
  })

  var now = new Date()
  var pad = function (n) { return String(n).padStart(2, "0") }
  var iso = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate())
  document.querySelectorAll("time.access-date").forEach(function (time) {
    time.dateTime = iso
    time.textContent = time.dataset.format === "iso"
      ? iso
      : pad(now.getDate()) + "." + pad(now.getMonth() + 1) + "." + now.getFullYear()
  })
})()
