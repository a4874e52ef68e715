/*
 * Reader-side behaviour of the edition, small and dependency-free. Its words
 * come from the page (templates/main.html, from the string table).
 * - A paragraph's number is its link: a click puts the URL in the address bar
 *   (the link does that) and also copies it, saying so next to it.
 * - The button at a paragraph's end shows how to cite it (GOST, BibTeX), from
 *   the <template> of "how to cite", captioned, with copy buttons and a close
 *   button; Escape closes it too.
 * - On a touch screen, a tap on a citation shows its reference in a popover,
 *   with a link on to the reference list; mouse and keyboard get Material's
 *   tooltip, and a click jumps to the list.
 * - "How to cite" gets today's date as the access date; without scripts it
 *   has none.
 * - The page's citation URL metadata follows the paragraph or section the
 *   reader opened, so a citation manager saves …/diplomacy/#p-12; the
 *   canonical link stays without a fragment.
 * - Search answers a pasted or dictated query, not only a typed one
 *   (Material listens for keys); an opened result marks whole words only.
 * - On a phone the text header's details are closed; the header names the
 *   section being read; the menu button opens on the table of contents.
 * - Printing: the page's identity (edition, version, date, address) is set
 *   for the print style sheet's page margins.
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

  // "Copied", said beside what was pressed.
  function showCopied(control) {
    var status = control.parentNode.querySelector(".copy-status") || document.createElement("span")
    status.className = "copy-status"
    status.setAttribute("role", "status")
    status.textContent = words["paragraph.copied"]
    control.after(status)
    setTimeout(function () { status.remove() }, 2000)
  }

  // A paragraph's number copies its URL.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.paragraph-number")
    if (!link || !navigator.clipboard) return
    navigator.clipboard.writeText(link.href).then(function () { showCopied(link) },
      function () { /* no clipboard permission: the address bar has the URL */ })
  })

  // How to cite a paragraph.
  var template = document.querySelector("template.paragraph-citation-template")
  function closePanel(panel) {
    var button = document.querySelector('button.paragraph-cite[data-paragraph="' + panel.dataset.paragraph + '"]')
    panel.remove()
    if (button) {
      button.setAttribute("aria-expanded", "false")
      button.focus()
    }
  }
  document.querySelectorAll("button.paragraph-cite").forEach(function (button) {
    if (!template) return
    button.hidden = false
    button.addEventListener("click", function () {
      var id = button.dataset.paragraph
      var open = document.getElementById("cite-" + id)
      if (open) return closePanel(open)
      var holder = document.createElement("div")
      holder.innerHTML = template.innerHTML.split("PARAGRAPHID").join(id).split("PARAGRAPHNO").join(id.replace(/^\D+/, ""))
      var panel = holder.firstElementChild
      panel.id = "cite-" + id
      panel.dataset.paragraph = id
      panel.querySelectorAll(".cite-block").forEach(function (block, index) {
        var text = block.querySelector(".cite-gost, code")
        text.id = panel.id + "-" + index
        block.querySelector(".md-clipboard").dataset.clipboardTarget = "#" + text.id
      })
      panel.querySelector(".paragraph-citation__close").addEventListener("click", function () { closePanel(panel) })
      panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape") closePanel(panel)
      })
      showAccessDates(panel)
      button.closest("p").after(panel)
      button.setAttribute("aria-controls", panel.id)
      button.setAttribute("aria-expanded", "true")
      panel.querySelector("button, [tabindex]").focus({ preventScroll: true })
      panel.scrollIntoView({ block: "nearest" })  // all of it on screen, not mostly below the fold
      panel.querySelectorAll(".md-clipboard").forEach(function (copy) {
        copy.addEventListener("click", function () { showCopied(copy) })  // beside the button pressed
      })
    })
  })

  // A citation tapped on a touch screen: its reference in a popover.
  var popover = document.createElement("div")
  popover.id = "citation-popover"
  popover.className = "citation-popover md-typeset"
  popover.setAttribute("popover", "")
  popover.setAttribute("role", "dialog")
  document.body.append(popover)
  document.addEventListener("click", function (event) {
    var citation = event.target.closest && event.target.closest("a.citation")
    if (!citation || event.pointerType !== "touch" || !popover.showPopover) return
    var entry = document.getElementById(decodeURIComponent(citation.hash.slice(1)))
    if (!entry) return
    event.preventDefault()
    var text = entry.querySelector(".reference-text").cloneNode(true)
    var onward = document.createElement("a")
    onward.href = citation.hash
    onward.className = "citation-popover__onward"
    onward.textContent = words["reference.open"]
    onward.addEventListener("click", function () { popover.hidePopover() })
    var label = document.createElement("span")
    label.className = "citation-popover__label"
    label.textContent = citation.textContent
    popover.replaceChildren(label, text, onward)
    popover.setAttribute("aria-label", citation.textContent)
    popover.showPopover()
    var box = citation.getBoundingClientRect(), width = Math.min(document.documentElement.clientWidth - 16, 480)
    popover.style.width = width + "px"
    popover.style.left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8)) + "px"
    var below = box.bottom + 8, above = box.top - 8 - popover.offsetHeight
    popover.style.top = (below + popover.offsetHeight < innerHeight || above < 0 ? below : above) + "px"
    onward.focus()
  })

  showAccessDates(document)

  // The citation URL metadata follows the opened fragment.
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

  // Back at a citation from the reference list: the browser focuses it, and Material's tooltip
  // would cover the lines around it; the citation is marked instead (edition.css, :target).
  // Tab goes on from it all the same.
  function landOnCitation() {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)))
    if (target && target.matches("a.citation") && document.activeElement === target) target.blur()
  }
  window.addEventListener("hashchange", landOnCitation)
  landOnCitation()

  // Search answers a query that arrives without a key (paste, dictation,
  // autofill): Material searches on keyup, and ignores a repeated value.
  var query = document.querySelector("input.md-search__input")
  if (query) query.addEventListener("input", function () {
    query.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
  })

  // A search result opened (?h= names the words it found): Material marks every
  // place a named word begins or sits inside another; only whole words named stay marked.
  var found = new URLSearchParams(location.search).get("h")
  if (found) {
    var named = {}
    found.toLowerCase().split(/\s+/).forEach(function (word) { if (word) named[word] = true })
    var letter = /[\p{L}\p{N}]/u
    var whole = function (mark) {
      var before = mark.previousSibling, after = mark.nextSibling
      if (before && before.nodeType === 3 && letter.test(before.data.slice(-1))) return false
      if (after && after.nodeType === 3 && letter.test(after.data.charAt(0))) return false
      return mark.textContent.toLowerCase().split(/\s+/).every(function (word) { return named[word] })
    }
    new MutationObserver(function () {
      document.querySelectorAll("article mark[data-md-highlight]:not([data-edition-whole])").forEach(function (mark) {
        if (whole(mark)) return mark.setAttribute("data-edition-whole", "")
        mark.replaceWith(document.createTextNode(mark.textContent))
      })
    }).observe(document.body, { childList: true, subtree: true })
  }

  // The palette toggle is a radio per scheme (Material): arrows and Enter
  // switch it (Material keeps the keyboard there); Space does too, as on the
  // button it looks like. The shown label carries the ring (edition.css).
  document.querySelectorAll("input.md-option[name=__palette]").forEach(function (radio) {
    radio.addEventListener("keydown", function (event) {
      if (event.key !== " ") return
      event.preventDefault()
      var label = radio.nextElementSibling
      if (!label || label.tagName !== "LABEL") return
      label.click()
      var next = document.getElementById(label.htmlFor)
      if (next) next.focus()
    })
  })

  // A phone: the text header's details closed, so that the first screen reaches the text;
  // open again on a wider screen, where their toggle is hidden (edition.css).
  var details = document.querySelector("details.text-header__details")
  var phone = window.matchMedia("(max-width: 44.9375em)")
  if (details) {
    var fit = function () { details.open = !phone.matches }
    fit()
    phone.addEventListener("change", fit)
  }

  // While reading, the header names the section the reader is in (Material shows the page's
  // title there once its heading has scrolled away).
  var topic = document.querySelector(".md-header__topic[data-md-component=header-topic] .md-ellipsis")
  var headings = Array.prototype.slice.call(document.querySelectorAll("article h2[id]"))
  if (topic && headings.length) {
    var pageTitle = topic.textContent, shown = null, queued = false
    var follow = function () {
      queued = false
      // a heading just under the header is the reader's (a link to a section lands it there)
      var line = document.querySelector(".md-header").getBoundingClientRect().bottom + 48
      var current = headings.filter(function (h) { return h.getBoundingClientRect().top <= line }).pop()
      if (current === shown) return
      shown = current
      topic.textContent = current ? current.textContent.replace(/¶$/, "").trim() : pageTitle
    }
    window.addEventListener("scroll", function () {
      if (!queued) { queued = true; requestAnimationFrame(follow) }
    }, { passive: true })
    follow()
  }

  // The navigation drawer (a phone's menu button) opens on the page's table of contents.
  var drawer = document.getElementById("__drawer"), contents = document.getElementById("__toc")
  if (drawer && contents) drawer.addEventListener("change", function () {
    if (drawer.checked) contents.checked = true
  })

  // Print: who, what and where, in the page margins (edition.css, @page).
  var identity = words["print.identity"]
  if (identity) {
    var url = urlFields.length ? urlFields[0].dataset.editionUrl : location.href.split("#")[0]
    document.documentElement.style.setProperty("--edition-print-identity", JSON.stringify(identity))
    document.documentElement.style.setProperty("--edition-print-url", JSON.stringify(url))
  }
})()
