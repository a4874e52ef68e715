/*
 * Reader-side behaviour of the edition, small and dependency-free. Its words
 * come from the page (overrides/main.html, from the string table).
 * - A click on a paragraph's ¶ puts its URL in the address bar (the link does
 *   that) and also copies the URL to the clipboard, saying so next to it.
 * - The button beside the ¶ shows how to cite that paragraph (GOST, BibTeX),
 *   from the <template> of "how to cite", each with a copy button.
 * - "How to cite" gets today's date as the access date; without scripts it
 *   has none.
 * - The page's citation URL metadata follows the paragraph or section the
 *   reader opened, so a citation manager saves …/diplomacy/#p-12; the
 *   canonical link stays without a fragment.
 */
(function () {
  var words = JSON.parse(document.getElementById("__edition").textContent)
  var pad = function (n) { return String(n).padStart(2, "0") }
  var now = new Date()
  var dates = {
    iso: now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()),
    gost: pad(now.getDate()) + "." + pad(now.getMonth() + 1) + "." + now.getFullYear()
  }

  function showAccessDates(root) {
    root.querySelectorAll("[data-date]").forEach(function (date) {
      date.textContent = dates[date.dataset.date]
    })
    root.querySelectorAll(".access-date").forEach(function (span) { span.hidden = false })
  }

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

  var template = document.querySelector("template.paragraph-citation-template")
  document.querySelectorAll("button.paragraph-cite").forEach(function (button) {
    if (!template) return
    button.hidden = false
    button.addEventListener("click", function () {
      var id = button.dataset.paragraph
      var open = document.getElementById("cite-" + id)
      if (open) {
        open.remove()
        button.setAttribute("aria-expanded", "false")
        return
      }
      var holder = document.createElement("div")
      holder.innerHTML = template.innerHTML.split("PARAGRAPHID").join(id).split("PARAGRAPHNO").join(id.replace(/^\D+/, ""))
      var panel = holder.firstElementChild
      panel.id = "cite-" + id
      panel.querySelectorAll(".cite-block").forEach(function (block, index) {
        var text = block.querySelector(".cite-gost, code")
        text.id = panel.id + "-" + index
        block.querySelector(".md-clipboard").dataset.clipboardTarget = "#" + text.id
      })
      showAccessDates(panel)
      button.parentNode.after(panel)
      button.setAttribute("aria-controls", panel.id)
      button.setAttribute("aria-expanded", "true")
    })
  })

  showAccessDates(document)

  var urlFields = document.querySelectorAll("meta[data-edition-url]")
  urlFields.forEach(function (meta) { meta.dataset.editionUrl = meta.content })
  function followFragment() {
    var id = decodeURIComponent(location.hash.slice(1))
    var target = id && document.getElementById(id)
    var inText = target && target.closest("article")
    urlFields.forEach(function (meta) {
      meta.content = meta.dataset.editionUrl + (inText ? "#" + id : "")
    })
  }
  window.addEventListener("hashchange", followFragment)
  followFragment()
})()
