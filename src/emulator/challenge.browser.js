// The browser script the t-captcha emulator hands out. With CONFIG.api 'legacy' (a script URL from
// CaptchaIframeQuery) it implements Tencent's legacy API (capInit, capGetTicket, capRefresh,
// capDestroy) with the real script's page-singleton behaviour; with 'current' (its TCaptcha.js) it
// implements `new TencentCaptcha(...)`. Both show a slider puzzle a person can solve with a mouse, a
// finger or the keyboard. The server replaces the placeholder at the end with the configuration.
(function (CONFIG) {
  'use strict';

  // Tencent's scripts build markup from strings as they load: a page that enforces Trusted Types stops
  // them here, as it stops the real ones.
  document.createElement('b').innerHTML = '<i></i>';
  // The frame script: the real ones load theirs (TCapIframe.js, tcaptcha-frame.js) before they can render.
  if (CONFIG.api === 'frame') {
    window.__tcaptchaEmulatorFrame = true;
    return;
  }

  /** Loads the frame script as the real scripts load theirs: a plain <script>, without a nonce. */
  function loadFrame(onDone) {
    var script = document.createElement('script');
    script.async = true;
    script.src = CONFIG.frameUrl;
    script.onload = function () {
      onDone(window.__tcaptchaEmulatorFrame === true);
    };
    script.onerror = function () {
      onDone(false);
    };
    document.head.appendChild(script);
  }

  var PIECE = 44;
  var WIDTH = 300;
  var HEIGHT = 150;
  var TRACK = WIDTH - PIECE;


  function css(element, text) {
    element.style.cssText = text;
    return element;
  }

  function make(doc, tag, text, style) {
    var element = doc.createElement(tag);
    if (text) element.textContent = text;
    if (style) css(element, style);
    return element;
  }

  /** An iframe whose document this script fills itself (no inline script, so strict CSPs allow it). */
  function frame(parent, className, style) {
    var iframe = document.createElement('iframe');
    iframe.className = className;
    iframe.title = 'Captcha';
    iframe.setAttribute('frameborder', '0');
    css(iframe, style);
    parent.appendChild(iframe);
    // The initial about:blank document, filled through the DOM (no document.write: Trusted Types).
    var doc = iframe.contentDocument;
    css(doc.body, 'margin:0;font:14px/1.4 system-ui,sans-serif;color:#1f2329;background:#fff;overflow:hidden');
    return iframe;
  }

  /** The dimmed page behind a pc popup; a click on it is a click outside the challenge. */
  function backdrop(onClick) {
    var element = make(document, 'div', '', 'position:fixed;inset:0;background:rgba(0,0,0,.35);z-index:2147483646');
    element.className = 'tcaptcha-emulator-backdrop';
    element.addEventListener('click', onClick);
    document.body.appendChild(element);
    return element;
  }

  function drawBackground(context, seed) {
    var random = function () {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    var gradient = context.createLinearGradient(0, 0, WIDTH, HEIGHT);
    gradient.addColorStop(0, 'hsl(' + Math.floor(random() * 360) + ',60%,70%)');
    gradient.addColorStop(1, 'hsl(' + Math.floor(random() * 360) + ',60%,45%)');
    context.fillStyle = gradient;
    context.fillRect(0, 0, WIDTH, HEIGHT);
    for (var i = 0; i < 14; i++) {
      context.beginPath();
      context.fillStyle = 'hsla(' + Math.floor(random() * 360) + ',70%,60%,0.55)';
      context.arc(random() * WIDTH, random() * HEIGHT, 8 + random() * 26, 0, Math.PI * 2);
      context.fill();
    }
  }

  /** The puzzle ({ token, gapX, gapY, verifyUrl }): drag the piece (through the slider) onto the gap. */
  /**
   * `onTooMany` runs after the last wrong answer the service takes (its puzzle is gone), as Tencent's
   * script reports repeated verify failures (1013).
   */
  function buildPuzzle(doc, puzzle, onSolved, onClose, withClose, feedback, onTooMany) {
    var root = make(doc, 'div', '', 'padding:12px;width:' + WIDTH + 'px;margin:0 auto');
    var head = make(doc, 'div', '', 'display:flex;justify-content:space-between;align-items:center;gap:6px;margin-bottom:8px');
    head.appendChild(make(doc, 'span', '拖动滑块完成拼图 · Drag the slider to fit the piece', 'flex:1'));
    // The help button, as `needFeedBack` says: false hides it, a URL replaces its link.
    if (feedback !== false) {
      var help = make(doc, 'a', '?', 'color:#86909c;text-decoration:none;font-weight:bold');
      help.className = 'tcaptcha-help';
      help.setAttribute('aria-label', '帮助 · Help');
      help.target = '_blank';
      help.rel = 'noopener';
      help.href = typeof feedback === 'string' && /^https:/.test(feedback) ? feedback : 'https://cloud.tencent.com/product/captcha';
      head.appendChild(help);
    }
    if (withClose) {
      var close = make(doc, 'button', '×', 'border:0;background:none;font-size:20px;cursor:pointer;line-height:1');
      close.type = 'button';
      close.setAttribute('aria-label', 'Close');
      close.className = 'tcaptcha-close';
      close.addEventListener('click', onClose);
      head.appendChild(close);
    }
    root.appendChild(head);

    var stage = make(doc, 'div', '', 'position:relative;width:' + WIDTH + 'px;height:' + HEIGHT + 'px');
    var background = make(doc, 'canvas');
    background.width = WIDTH;
    background.height = HEIGHT;
    background.className = 'tcaptcha-background';
    var context = background.getContext('2d');
    var piece = make(doc, 'canvas', '', 'position:absolute;left:0;box-shadow:0 0 6px rgba(0,0,0,.6)');
    piece.width = PIECE;
    piece.height = PIECE;
    var round = 0;
    /** Draws the puzzle for its current gap; a wrong answer comes back with a new gap, and a new picture. */
    function draw() {
      // The answer, for automated tests: this is an emulator, not a defence.
      background.dataset.gapX = String(puzzle.gapX);
      var seed = 1 + round++;
      for (var c = 0; c < puzzle.token.length; c++) seed = (seed * 31 + puzzle.token.charCodeAt(c)) % 2147483647;
      drawBackground(context, seed || 7);
      piece.style.top = puzzle.gapY + 'px';
      var pieceContext = piece.getContext('2d');
      pieceContext.clearRect(0, 0, PIECE, PIECE);
      pieceContext.drawImage(background, puzzle.gapX, puzzle.gapY, PIECE, PIECE, 0, 0, PIECE, PIECE);
      context.fillStyle = 'rgba(0,0,0,0.55)';
      context.fillRect(puzzle.gapX, puzzle.gapY, PIECE, PIECE);
      context.strokeStyle = 'rgba(255,255,255,0.9)';
      context.strokeRect(puzzle.gapX + 0.5, puzzle.gapY + 0.5, PIECE - 1, PIECE - 1);
    }
    draw();
    stage.appendChild(background);
    stage.appendChild(piece);
    root.appendChild(stage);

    var track = make(doc, 'div', '', 'position:relative;margin-top:10px;height:40px;border-radius:20px;background:#eef1f5;touch-action:none');
    track.className = 'tcaptcha-track';
    var handle = make(doc, 'div', '→', 'position:absolute;left:0;top:0;width:' + PIECE + 'px;height:40px;border-radius:20px;background:#1f6feb;color:#fff;display:flex;align-items:center;justify-content:center;cursor:grab;user-select:none;touch-action:none');
    handle.className = 'tcaptcha-handle';
    handle.tabIndex = 0;
    handle.setAttribute('role', 'slider');
    handle.setAttribute('aria-label', 'Puzzle piece position; arrow keys move it, Enter checks');
    handle.setAttribute('aria-valuemin', '0');
    handle.setAttribute('aria-valuemax', String(TRACK));
    track.appendChild(handle);
    root.appendChild(track);
    var status = make(doc, 'div', '', 'min-height:20px;margin-top:6px;font-size:13px');
    status.className = 'tcaptcha-status';
    status.setAttribute('role', 'status');
    root.appendChild(status);
    doc.body.appendChild(root);

    var x = 0;
    var busy = false;
    function place(value) {
      x = Math.max(0, Math.min(TRACK, Math.round(value)));
      handle.style.left = x + 'px';
      piece.style.left = x + 'px';
      handle.setAttribute('aria-valuenow', String(x));
    }
    place(0);

    function submit() {
      if (busy) return;
      busy = true;
      status.textContent = '…';
      fetch(puzzle.verifyUrl, { method: 'POST', body: JSON.stringify({ token: puzzle.token, x: x }) })
        .then(function (response) {
          return response.json();
        })
        .then(function (answer) {
          busy = false;
          if (answer.ret === 0) {
            status.textContent = '验证成功 · Verified';
            advance(puzzle, answer);
            onSolved(answer);
          } else {
            status.textContent =
              answer.ret === 'too-many' ? '尝试次数过多 · Too many attempts' : answer.ret === 'expired' ? '已过期 · Expired, reload the page' : '请重试 · Try again';
            if (answer.ret === 'too-many' && onTooMany) return void setTimeout(onTooMany, 1200);
            if (typeof answer.gapX === 'number') {
              puzzle.gapX = answer.gapX;
              puzzle.gapY = answer.gapY;
              draw();
            }
            place(0);
          }
        })
        .catch(function () {
          busy = false;
          status.textContent = '网络错误 · Network error, try again';
          place(0);
        });
    }

    var start = null;
    handle.addEventListener('pointerdown', function (event) {
      start = { pointer: event.clientX, x: x };
      handle.setPointerCapture(event.pointerId);
    });
    handle.addEventListener('pointermove', function (event) {
      if (start) place(start.x + event.clientX - start.pointer);
    });
    function release() {
      if (!start) return;
      start = null;
      submit();
    }
    handle.addEventListener('pointerup', release);
    handle.addEventListener('pointercancel', function () {
      start = null;
      place(0);
    });
    handle.addEventListener('keydown', function (event) {
      var step = event.shiftKey ? 10 : 2;
      if (event.key === 'ArrowRight') place(x + step);
      else if (event.key === 'ArrowLeft') place(x - step);
      else if (event.key === 'Home') place(0);
      else if (event.key === 'End') place(TRACK);
      else if (event.key === 'Enter' || event.key === ' ') submit();
      else if (event.key === 'Escape' && withClose) onClose();
      else return;
      event.preventDefault();
    });
    return handle;
  }

  /** One ticket per puzzle: solving again (after a refresh) is the next puzzle the service handed out. */
  function advance(puzzle, answer) {
    if (!answer.next) return;
    puzzle.token = answer.next.token;
    puzzle.gapX = answer.next.gapX;
    puzzle.gapY = answer.next.gapY;
  }

  function passImmediately(puzzle, onSolved) {
    fetch(puzzle.verifyUrl, { method: 'POST', body: JSON.stringify({ token: puzzle.token, x: 0 }) })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        if (answer.ret !== 0) return;
        advance(puzzle, answer);
        onSolved(answer);
      });
  }

  if (CONFIG.api === 'current') {
    defineCurrentApi();
  } else {
    defineLegacyApi();
  }

  function defineLegacyApi() {
    // One instance per page, shared by every copy of the script that runs in it.
    var page = (window.__tcaptchaEmulator = window.__tcaptchaEmulator || {
      instance: null,
      callbacks: [],
      result: { ticket: '', randstr: '' },
    });

    function notify(result) {
      var callbacks = page.callbacks.slice();
      for (var i = 0; i < callbacks.length; i++) {
        try {
          callbacks[i](result);
        } catch (error) {
          setTimeout(function () {
            throw error;
          });
        }
      }
    }

    function solved(answer) {
      page.result = { ticket: answer.ticket, randstr: answer.randstr };
      if (page.hooks) page.hooks.start();
      closeChallenge();
      label('验证成功 · Verified', true);
      notify({ ret: 0, ticket: answer.ticket, randstr: answer.randstr });
    }

    /** The trigger's words and its checkbox, ticked after a pass. */
    function label(text, ticked) {
      var instance = page.instance;
      if (!instance || !instance.label) return;
      instance.label.textContent = text;
      instance.tick.textContent = ticked ? '✓' : '';
      instance.tick.style.background = ticked ? '#1f6feb' : 'transparent';
    }

    /** The puzzle is gone after too many wrong answers: the trigger says so, and the challenge closes. */
    function tooMany() {
      closeChallenge();
      label('尝试次数过多 · Too many attempts', false);
    }

    // As the real script: a close calls the `end` hook and no callback; a pass calls `end`, then the callbacks.
    function closedByUser() {
      closeChallenge();
    }

    function openChallenge() {
      var instance = page.instance;
      if (!instance || instance.challenge || page.result.ticket) return;
      if (page.hooks) page.hooks.start();
      if (CONFIG.mode !== 'interactive') {
        passImmediately(CONFIG, solved);
        return;
      }
      var mobile = instance.mobile;
      // pc: the page dims behind the popup; a click there closes it (the real script refreshes, and calls `end`).
      if (!mobile) instance.backdrop = backdrop(closedByUser);
      var challenge = frame(
        document.body,
        'tcaptcha-emulator-challenge',
        mobile
          ? 'position:fixed;inset:0;width:100vw;height:100vh;border:0;z-index:2147483647;background:#fff'
          : 'position:fixed;left:50%;top:50%;width:326px;height:300px;margin:-150px 0 0 -163px;border:0;border-radius:8px;box-shadow:0 8px 32px rgba(0,0,0,.35);z-index:2147483647;background:#fff',
      );
      instance.challenge = challenge;
      var doc = challenge.contentDocument;
      if (mobile && instance.showHeader) {
        var header = make(doc, 'header', '', 'display:grid;grid-template-columns:1fr auto 1fr;align-items:center;height:44px;padding:0 12px;border-bottom:1px solid #e5e6eb;box-sizing:border-box');
        header.className = 'tcaptcha-header';
        var back = make(doc, 'button', '‹ 返回 · Back', 'justify-self:start;border:0;background:none;font:inherit;font-size:15px;cursor:pointer;padding:8px 0');
        back.type = 'button';
        back.className = 'tcaptcha-back';
        back.addEventListener('click', closedByUser);
        header.appendChild(back);
        header.appendChild(make(doc, 'strong', '安全验证 · Verification', 'font-size:15px'));
        header.appendChild(make(doc, 'span', '帮助 · Help', 'justify-self:end;color:#86909c'));
        doc.body.appendChild(header);
      }
      if (mobile) css(doc.body, doc.body.style.cssText + ';padding-top:' + (instance.showHeader ? '0' : '24px'));
      var handle = buildPuzzle(doc, CONFIG, solved, closedByUser, !mobile, undefined, tooMany);
      handle.focus();
    }

    function closeChallenge() {
      var instance = page.instance;
      if (page.hooks) page.hooks.end();
      if (instance && instance.challenge) {
        instance.challenge.remove();
        instance.challenge = null;
      }
      if (instance && instance.backdrop) {
        instance.backdrop.remove();
        instance.backdrop = null;
      }
    }

    // As the real loader: capInit renders only once the frame script has run (the last call before
    // that wins), and capGetTicket throws until then.
    var frameLoaded = false;
    var initialised = false;
    var deferred = null;
    loadFrame(function (ok) {
      frameLoaded = ok;
      if (!ok) return;
      var run = deferred;
      deferred = null;
      if (run) run();
    });

    // capInit(target, options) or capInit(target, callback, options), as the real loader accepts.
    window.capInit = function (target, second, third) {
      var run = function () {
        initialised = true;
        init(target, second, third);
      };
      if (frameLoaded) run();
      else deferred = run;
    };

    function init(target, second, third) {
      var options = (typeof second === 'function' ? third : second) || {};
      var callback = typeof second === 'function' ? second : options.callback;
      if (typeof callback === 'function') page.callbacks.push(callback);
      page.hooks = {
        start: typeof options.start === 'function' ? options.start : function () {},
        end: typeof options.end === 'function' ? options.end : function () {},
      };
      if (page.instance) return; // the real script renders once per page until capDestroy
      var mobile = target === document;
      if (mobile !== (CONFIG.clientType === 'mobile')) {
        console.error('TCaptcha emulator: this script URL was issued for clientType ' + CONFIG.clientType + '.');
        return;
      }
      var instance = { mobile: mobile, showHeader: !!options.showHeader, trigger: null, wrap: null, label: null, challenge: null };
      page.instance = instance;
      page.result = { ticket: '', randstr: '' };
      if (mobile) {
        openChallenge();
      } else {
        if (!target || target.nodeType !== 1) throw new TypeError('capInit: the target must be an element');
        // As the real script: a <div> with the trigger iframe, sized from the target's computed size
        // (at least 230×40) through element.style; no <style> element.
        var computed = getComputedStyle(target);
        var width = parseInt(computed.width, 10);
        var height = parseInt(computed.height, 10);
        var wrap = document.createElement('div');
        target.appendChild(wrap);
        instance.wrap = wrap;
        var trigger = frame(
          wrap,
          'tcaptcha-emulator-trigger',
          'display:block;border:none;position:relative;z-index:10;min-width:230px;min-height:40px;width:' +
            (width >= 230 ? width + 'px' : computed.width === 'auto' ? '100%' : '230px') +
            ';height:' +
            (height >= 40 ? height + 'px' : '40px'),
        );
        var doc = trigger.contentDocument;
        var button = make(doc, 'button', '', 'display:flex;align-items:center;gap:8px;box-sizing:border-box;width:100%;height:100vh;border:1px solid #c9cdd4;border-radius:4px;background:#f7f8fa;font:13px system-ui,sans-serif;cursor:pointer;padding:0 10px');
        button.type = 'button';
        button.className = 'tcaptcha-trigger';
        // The label fits the box the document prescribes (230×40 and up); anything longer is cut with an ellipsis.
        instance.label = make(doc, 'span', '点击验证 · Click to verify', 'min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap');
        instance.label.className = 'tcaptcha-label';
        instance.tick = make(doc, 'span', '', 'flex:none;display:flex;align-items:center;justify-content:center;width:14px;height:14px;border:2px solid #1f6feb;border-radius:4px;color:#fff;font-size:11px;line-height:1');
        instance.tick.className = 'tcaptcha-tick';
        button.appendChild(instance.tick);
        button.appendChild(instance.label);
        button.addEventListener('click', openChallenge);
        doc.body.appendChild(button);
        instance.trigger = trigger;
      }
      window.onresize = function () {};
    }

    window.capGetTicket = function () {
      if (!initialised) throw new TypeError("Cannot read properties of undefined (reading 'getTicket')");
      return { ticket: page.result.ticket, randstr: page.result.randstr };
    };

    window.capRefresh = function () {
      page.result = { ticket: '', randstr: '' };
      closeChallenge();
      var instance = page.instance;
      if (!instance) return;
      label('点击验证 · Click to verify', false);
      if (instance.mobile) openChallenge();
    };

    window.capDestroy = function () {
      var instance = page.instance;
      if (instance) {
        closeChallenge();
        if (instance.wrap) instance.wrap.remove();
      }
      page.instance = null;
      page.callbacks = [];
      page.hooks = null;
      page.result = { ticket: '', randstr: '' };
    };
  }

  /**
   * `new TencentCaptcha(...)` as each current script documents it (CONFIG.family): 1.0 (TCaptcha.js) and
   * 2.0 (TJCaptcha.js) take `(appId, callback, options)` for a popup and `(element, appId, callback,
   * options)` for an embedded one; international 3.0 (TJNCaptcha-global.js) only the element-first
   * form, draws an "I am human" checkbox in that element on show(), and has reload().
   */
  function defineCurrentApi() {
    var family = CONFIG.family || '1.0';
    var global = family === '3.0';
    // As the real TCaptcha.js: a second copy on the page throws; show() is queued until the frame script
    // has loaded, and destroy() does not cancel a queued show.
    if (window.__TencentCaptchaExists__ === true) throw new Error('请勿多次引用腾讯验证码的接入js');
    window.__TencentCaptchaExists__ = true;
    if (global) window.TCaptchaGlobal = { version: '3.0' };
    var frameDone = false;
    var frameOk = false;
    var queue = [];
    loadFrame(function (ok) {
      frameDone = true;
      frameOk = ok;
      var waiting = queue.splice(0);
      for (var i = 0; i < waiting.length; i++) waiting[i].show();
    });
    var POPUP_STYLE =
      'position:fixed;left:50%;top:50%;width:326px;height:300px;margin:-150px 0 0 -163px;border:0;border-radius:8px;box-shadow:0 8px 32px rgba(0,0,0,.35);z-index:2147483647;background:#fff';

    window.TencentCaptcha = function TencentCaptcha(first, second, third, fourth) {
      var embedded = !!first && first.nodeType === 1;
      if (global && !(embedded && typeof second === 'string' && typeof third === 'function')) {
        throw new TypeError('TencentCaptcha (3.0): call new TencentCaptcha(containerElement, appId, callback, options)');
      }
      var container = embedded ? first : null;
      var appId = String(embedded ? second : first || '');
      var callback = embedded ? third : second;
      var options = (embedded ? fourth : third) || {};
      if (!appId) throw new Error('TencentCaptcha: appid is required');
      if (typeof callback !== 'function') throw new Error('Lost `callback`');
      // The real constructor writes into the options object it was given.
      var userReady = options.ready;
      options.callback = callback;
      options.appid = appId;
      options.ready = function (result) {
        if (typeof userReady === 'function') userReady.call(this, result);
      };
      var inline = global || options.type === 'embed';
      var self = this;
      var state = { frame: null, checkbox: null, loading: null, opening: false, puzzle: null, result: { ticket: '', randstr: '' } };
      var sid = 'emu' + Math.random().toString(36).slice(2, 12);
      var shownAt = 0;

      /** Errors as the real scripts build them: a pass-shaped result with a disaster-recovery ticket they made. */
      function errorResult(code, message) {
        return {
          ret: 0,
          ticket: (family === '1.0' ? 'terror_' : 'trerror_') + code + '_' + appId + '_' + Math.floor(Date.now() / 1000),
          randstr: '@' + Math.random().toString(36).slice(2, 10),
          errorCode: code,
          errorMessage: message,
        };
      }

      function finish(result) {
        removeLoading();
        if (state.frame) state.frame.remove();
        if (state.backdrop) state.backdrop.remove();
        state.frame = null;
        state.backdrop = null;
        var details = { bizState: options.bizState };
        // 1.0 names the app `appid`; 2.0 and 3.0 `CaptchaAppId`, with the session's id.
        if (family === '1.0') details.appid = appId;
        else {
          details.CaptchaAppId = appId;
          details.sid = sid;
        }
        if (family === '2.0' && result.ret === 0 && !result.errorCode) {
          details.verifyDuration = Math.max(1, Date.now() - shownAt);
          details.actionDuration = Math.max(1, Date.now() - shownAt - 50);
        }
        for (var key in result) details[key] = result[key];
        callback(details);
      }
      function solved(answer) {
        state.result = { ticket: answer.ticket, randstr: answer.randstr };
        if (state.checkbox) tick(state.checkbox);
        finish({ ret: 0, ticket: answer.ticket, randstr: answer.randstr });
      }
      function closed() {
        finish({ ret: 2, ticket: '', randstr: '' });
      }
      /** The vendor's own loading box, unless options.loading is false. */
      function showLoading(parent) {
        if (options.loading === false || state.loading) return;
        state.loading = make(document, 'div', '加载中… · Loading…', 'display:flex;align-items:center;justify-content:center;width:300px;height:78px;background:#f7f8fa;color:#86909c;font:13px system-ui,sans-serif;border-radius:4px' + (inline ? '' : ';position:fixed;left:50%;top:50%;margin:-39px 0 0 -150px;z-index:2147483647'));
        state.loading.className = 'tcaptcha-emulator-loading';
        parent.appendChild(state.loading);
      }
      function removeLoading() {
        if (state.loading) state.loading.remove();
        state.loading = null;
      }
      function onScreen(element) {
        removeLoading();
        var shown = element;
        setTimeout(function () {
          if (shown.isConnected) options.ready({ ret: 0, sdkView: { width: shown.offsetWidth, height: shown.offsetHeight } });
        });
      }

      /** 3.0's "I am human" checkbox, in the container. */
      function drawCheckbox() {
        var checkbox = frame(container, 'tcaptcha-emulator-checkbox', 'display:block;width:300px;height:78px;border:0');
        var doc = checkbox.contentDocument;
        var button = make(doc, 'button', '', 'display:flex;align-items:center;gap:10px;box-sizing:border-box;width:100%;height:78px;padding:0 14px;border:1px solid #c9cdd4;border-radius:4px;background:#f7f8fa;font:inherit;cursor:pointer');
        button.type = 'button';
        button.className = 'tcaptcha-checkbox';
        button.setAttribute('role', 'checkbox');
        button.setAttribute('aria-checked', 'false');
        var box = make(doc, 'span', '', 'flex:none;display:flex;align-items:center;justify-content:center;width:22px;height:22px;border:2px solid #1f6feb;border-radius:4px;color:#fff;font-weight:bold');
        box.className = 'tcaptcha-tick';
        button.appendChild(box);
        button.appendChild(make(doc, 'span', '我是人类 · I am human'));
        button.addEventListener('click', function () {
          if (button.getAttribute('aria-checked') !== 'true') openPuzzle();
        });
        doc.body.appendChild(button);
        state.checkbox = checkbox;
        onScreen(checkbox);
        if (options.enableAutoCheck === true && state.puzzle && state.puzzle.mode === 'always-pass') passImmediately(state.puzzle, solved);
      }
      function tick(checkbox) {
        var doc = checkbox.contentDocument;
        var button = doc && doc.querySelector('.tcaptcha-checkbox');
        if (!button) return;
        button.setAttribute('aria-checked', 'true');
        var box = button.querySelector('.tcaptcha-tick');
        box.textContent = '✓';
        box.style.background = '#1f6feb';
      }

      function openPuzzle() {
        var puzzle = state.puzzle;
        if (!puzzle || state.frame) return;
        if (puzzle.mode !== 'interactive') {
          passImmediately(puzzle, solved);
          return;
        }
        var embeddedPuzzle = inline && !global;
        if (!embeddedPuzzle) state.backdrop = backdrop(closed);
        state.frame = frame(
          embeddedPuzzle ? container : document.body,
          embeddedPuzzle ? 'tcaptcha-emulator-embed' : 'tcaptcha-emulator-challenge',
          embeddedPuzzle ? 'display:block;width:326px;height:300px;border:0' : POPUP_STYLE,
        );
        buildPuzzle(state.frame.contentDocument, puzzle, solved, closed, !embeddedPuzzle, options.needFeedBack, function () {
          finish(errorResult(1013, 'verify error too many times'));
        }).focus();
        if (!global) onScreen(state.frame);
      }

      this.show = function () {
        if (!frameDone) {
          if (queue.indexOf(self) < 0) queue.push(self);
          return;
        }
        if (!frameOk) {
          finish(errorResult(1004, 'framejs_load_error'));
          return;
        }
        if (state.frame || state.checkbox || state.opening) return;
        state.opening = true;
        shownAt = Date.now();
        showLoading(inline ? container : document.body);
        var request = { appId: appId, aidEncrypted: options.aidEncrypted, aidEncryptedType: options.aidEncryptedType, aidEncryptedAad: options.aidEncryptedAad };
        fetch(CONFIG.sessionUrl, { method: 'POST', body: JSON.stringify(request) })
          .then(function (response) {
            return response.json();
          })
          .then(function (session) {
            state.opening = false;
            if (session.errorCode) {
              finish(errorResult(session.errorCode, session.errorMessage));
              return;
            }
            state.puzzle = { token: session.token, gapX: session.gapX, gapY: session.gapY, mode: session.mode, verifyUrl: CONFIG.verifyUrl };
            if (global) drawCheckbox();
            else openPuzzle();
          })
          .catch(function () {
            state.opening = false;
            // The real script's code for a frame script that cannot load.
            finish(errorResult(1004, 'network error'));
          });
      };
      this.destroy = function () {
        removeLoading();
        if (state.backdrop) state.backdrop.remove();
        state.backdrop = null;
        if (state.frame) state.frame.remove();
        if (state.checkbox) state.checkbox.remove();
        state.frame = null;
        state.checkbox = null;
      };
      this.getTicket = function () {
        return { CaptchaAppId: appId, ticket: state.result.ticket, randstr: state.result.randstr };
      };
      if (global) {
        /** 3.0: a fresh checkbox and puzzle in the same instance. */
        this.reload = function () {
          self.destroy();
          state.result = { ticket: '', randstr: '' };
          self.show();
        };
      }
    };
  }
})(__TCAPTCHA_CONFIG__);
